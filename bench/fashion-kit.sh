#!/bin/bash
# Builds .fashionkit/: what the lent GPU machine needs to run examples/fashion.nn whole, in the
# 64 MiB one device call carries (bench/device.md): node, the webgpu addon (its dawn.node
# xz-compressed), the CLI bundle and Fashion-MNIST (the training images as xz), and run.sh.
# Here, after `npm run build` and `bash ../shared/device/pack.sh`:
#   bash bench/fashion-kit.sh
# then one call with carry [".fashionkit"]:  bash .fashionkit/run.sh
set -euo pipefail
root=$(git rev-parse --show-toplevel)
cd "$root"
data=${FASHION_DIR:-/usr/share/datasets/fashion-mnist}
grep -qx '/.fashionkit/' .git/info/exclude 2>/dev/null || echo '/.fashionkit/' >> .git/info/exclude
rm -rf .fashionkit && mkdir -p .fashionkit/webgpu
cp .devkit/node.xz .fashionkit/ && cp -r .devkit/gl .fashionkit/
(cd .devkit/node_modules/webgpu && tar cf - --exclude=dist/linux-x64/dawn.node .) | (cd .fashionkit/webgpu && tar xf -)
xz -T2 -9 -c .devkit/node_modules/webgpu/dist/linux-x64/dawn.node > .fashionkit/dawn.node.xz
gunzip -c "$data/train-images-idx3-ubyte.gz" | xz -T2 -9 > .fashionkit/train-images-idx3-ubyte.xz
cp "$data"/{train-labels-idx1-ubyte.gz,t10k-images-idx3-ubyte.gz,t10k-labels-idx1-ubyte.gz} .fashionkit/
cp dist/nnc-cli.cjs dist/nnc-cli.cjs.cache dist/nnc-webgpu.cjs .fashionkit/
cat > .fashionkit/run.sh <<'EOS'
#!/bin/bash
# On the device machine, from the project root: examples/fashion.nn on the GPU, output in $OUT.
# LOCAL=1 skips installing the GL/Vulkan loader; MODE=check only checks the program (its data too).
set -u
K=.fashionkit
if [ -z "${LOCAL:-}" ]; then for f in $K/gl/*.deb; do dpkg -x "$f" /; done; ldconfig; fi
command -v node >/dev/null || { xz -dc $K/node.xz > /usr/local/bin/node && chmod +x /usr/local/bin/node; }
mkdir -p node_modules dist /tmp/fashion
[ -e node_modules/webgpu ] || cp -r $K/webgpu node_modules/webgpu
[ -f node_modules/webgpu/dist/linux-x64/dawn.node ] || xz -dc $K/dawn.node.xz > node_modules/webgpu/dist/linux-x64/dawn.node
cp $K/nnc-cli.cjs $K/nnc-cli.cjs.cache $K/nnc-webgpu.cjs dist/
[ -f /tmp/fashion/train-images-idx3-ubyte ] || xz -dc $K/train-images-idx3-ubyte.xz > /tmp/fashion/train-images-idx3-ubyte
cp $K/*.gz /tmp/fashion/
sed "s#/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz#/tmp/fashion/train-images-idx3-ubyte#; s#/usr/share/datasets/fashion-mnist/#/tmp/fashion/#g" examples/fashion.nn > /tmp/fashion/fashion.nn
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader 2>/dev/null
node --version
if [ "${MODE:-run}" = check ]; then node bin/nnc.js check /tmp/fashion/fashion.nn; exit; fi
( time timeout 240 node bin/nnc.js run /tmp/fashion/fashion.nn --backend webgpu --verbose 2 --out $OUT/fashion-out ) > $OUT/fashion-webgpu.txt 2>&1
echo "rc $?"
tail -30 $OUT/fashion-webgpu.txt
EOS
chmod +x .fashionkit/run.sh
du -sh .fashionkit | sed 's/^/fashion kit (with the working tree, at most 64 MiB a call): /'
