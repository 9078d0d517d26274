# The PyTorch contender's worker (bench/torch.ts starts it): PyTorch eager, written as a PyTorch
# user would write the bench's workloads, answering one JSON request per line on stdin with one JSON
# line on stdout. Data arrive as raw little-endian float32 files written by bench/torch.ts.
#
#   {"cmd": "info"}                       -> versions, the BLAS library, threads, device
#   {"cmd": "load", "name", "rows", "features", "labels", "featureCount", "labelWidth"}
#   {"cmd": "fit", "name", "model", "rows", "epochs", "batchSize", "shuffle", "seed"}
#                                         -> seconds, cpuSeconds, loss, accuracy (of the last epoch)
#   {"cmd": "predict", "name", "model", "weights", "rows", "batchSize", "repeat"}
#                                         -> seconds, cpuSeconds, meanPrediction
#   {"cmd": "warm", ...fit's fields, "seconds"}  fits again and again for that long, untimed (CUDA's clocks)
#   {"cmd": "release", "name"}
#
# The model: nn.Linear layers with ReLU between, Glorot-uniform kernels (xavier_uniform_) and zero
# biases, Adam with Keras' epsilon (1e-7). The last layer's sigmoid or softmax is folded into the
# loss (BCEWithLogitsLoss, CrossEntropyLoss), as PyTorch code does; it is the same function. Loss and
# accuracy are Keras' History figures: means over the epoch's rows.
import json
import os
import sys
import time

import torch
from torch import nn

threads = int(os.environ.get("NNC_TORCH_THREADS", "1"))
torch.set_num_threads(threads)
try:
    torch.set_num_interop_threads(1)
except RuntimeError:
    pass
device = torch.device(os.environ.get("NNC_TORCH_DEVICE", "cpu"))
data = {}


def sync():
    if device.type == "cuda":
        torch.cuda.synchronize()


def blas():
    """The BLAS library this process loaded (OpenBLAS says its build and core), or torch's own report."""
    libs = set()
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                path = line.split()[-1] if len(line.split()) >= 6 else ""
                name = os.path.basename(path)
                if "blas" in name.lower() or "mkl" in name.lower():
                    libs.add(os.path.realpath(path))
    except OSError:
        pass
    for path in sorted(libs):
        if "openblas" in os.path.basename(path):
            try:
                import ctypes

                lib = ctypes.CDLL(path)
                lib.openblas_get_config.restype = ctypes.c_char_p
                lib.openblas_get_corename.restype = ctypes.c_char_p
                return "%s, core %s (%s)" % (lib.openblas_get_config().decode(), lib.openblas_get_corename().decode(), path)
            except (OSError, AttributeError):
                return path
    if libs:
        return ", ".join(sorted(libs))
    config = torch.__config__.show()
    for part in config.replace("\n", ",").split(","):
        if "BLAS_INFO" in part:
            return part.strip()
    return "unknown"


def info():
    a = torch.randn(64, 64, device=device)
    (a @ a).sum().item()  # loads the BLAS
    out = {"torch": torch.__version__, "python": sys.version.split()[0], "threads": torch.get_num_threads(), "device": str(device), "blas": blas()}
    if device.type == "cuda":
        out["gpu"] = torch.cuda.get_device_name(0)
        out["cuda"] = torch.version.cuda
    return out


def read_f32(path, count):
    with open(path, "rb") as f:
        buf = bytearray(f.read())
    t = torch.frombuffer(buf, dtype=torch.float32)
    if t.numel() != count:
        raise ValueError("%s: %d floats, expected %d" % (path, t.numel(), count))
    return t


def load(req):
    rows, n, k = req["rows"], req["featureCount"], req["labelWidth"]
    x = read_f32(req["features"], rows * n).reshape(rows, n).to(device)
    y = read_f32(req["labels"], rows * k).reshape(rows, k).to(device) if req.get("labels") else None
    data[req["name"]] = (x, y)
    return {"rows": rows}


def convnet():
    # Keras' "simple MNIST convnet" (bench/cnn.ts), channels first; glorot_uniform kernels, zero biases as Keras
    model = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Dropout(0.5), nn.Linear(1600, 10))
    for m in model:
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    return model.to(device)


class Reader(nn.Module):
    # the lstm workload (bench/lstm.ts): Embedding, LSTM (gates i, f, g, o as Keras), the last
    # step's output, Linear to one logit; Keras' initializers: uniform(-0.05, 0.05) embeddings,
    # glorot_uniform input kernel, orthogonal recurrent kernel (per Keras' whole (units, 4 units)
    # matrix), zero biases with the forget gate's at 1 (one of PyTorch's two biases)
    def __init__(self, vocabulary, width, units):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, width)
        self.lstm = nn.LSTM(width, units, batch_first=True)
        self.out = nn.Linear(units, 1)
        nn.init.uniform_(self.embedding.weight, -0.05, 0.05)
        nn.init.xavier_uniform_(self.lstm.weight_ih_l0)
        nn.init.orthogonal_(self.lstm.weight_hh_l0.data.T)
        nn.init.zeros_(self.lstm.bias_ih_l0)
        nn.init.zeros_(self.lstm.bias_hh_l0)
        with torch.no_grad():
            self.lstm.bias_ih_l0[units : 2 * units] = 1
        nn.init.xavier_uniform_(self.out.weight)
        nn.init.zeros_(self.out.bias)

    def forward(self, tokens):
        h, _ = self.lstm(self.embedding(tokens))
        return self.out(h[:, -1, :])


def build(spec):
    if spec.get("kind") == "convnet":
        return convnet()
    if spec.get("kind") == "reader":
        return Reader(spec["vocabulary"], spec["width"], spec["units"]).to(device)
    layers = []
    width = spec["inputDim"]
    specs = spec["layers"]
    for i, layer in enumerate(specs):
        linear = nn.Linear(width, layer["units"])
        nn.init.xavier_uniform_(linear.weight)
        nn.init.zeros_(linear.bias)
        layers.append(linear)
        last = i == len(specs) - 1
        if layer["activation"] == "relu":
            layers.append(nn.ReLU())
        elif not last and layer["activation"] != "linear":
            raise ValueError("hidden activation %s" % layer["activation"])
        width = layer["units"]
    return nn.Sequential(*layers).to(device)


def fit(req):
    x, y = data[req["name"]]
    rows = req["rows"]
    x, y = x[:rows], y[:rows]
    spec = req["model"]
    if spec.get("kind") == "convnet":
        x = x.reshape(rows, 28, 28, 1).permute(0, 3, 1, 2).contiguous()
    if spec.get("kind") == "reader":
        x = x.long()
    torch.manual_seed(req["seed"])
    model = build(spec)
    opt = torch.optim.Adam(model.parameters(), lr=spec["optimizer"]["learningRate"], betas=(0.9, 0.999), eps=1e-7)
    binary = spec["loss"] == "binary_crossentropy"
    loss_fn = nn.BCEWithLogitsLoss() if binary else nn.CrossEntropyLoss()
    target = y if binary else y.argmax(dim=1)
    batch = req["batchSize"]
    g = torch.Generator(device=device)
    g.manual_seed(req["seed"])
    sync()
    cpu0, t0 = time.process_time(), time.perf_counter()
    for _ in range(req["epochs"]):
        order = torch.randperm(rows, generator=g, device=device) if req["shuffle"] else None
        total_loss = torch.zeros((), device=device)
        correct = torch.zeros((), device=device)
        for start in range(0, rows, batch):
            if order is not None:
                idx = order[start : start + batch]
                xb, tb = x[idx], target[idx]
            else:
                xb, tb = x[start : start + batch], target[start : start + batch]
            opt.zero_grad(set_to_none=True)
            logits = model(xb)
            loss = loss_fn(logits, tb)
            loss.backward()
            opt.step()
            with torch.no_grad():
                total_loss += loss.detach() * xb.shape[0]
                if binary:
                    correct += ((logits > 0).float() == tb).sum()
                else:
                    correct += (logits.argmax(dim=1) == tb).sum()
    sync()
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    return {"seconds": seconds, "cpuSeconds": cpu, "loss": total_loss.item() / rows, "accuracy": correct.item() / rows}


def warm(req):
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < req["seconds"]:
        fit(req)
    return {}


def predict(req):
    x, _ = data[req["name"]]
    rows = req["rows"]
    x = x[:rows]
    spec = req["model"]
    model = build(spec)
    with torch.no_grad():
        linears = [m for m in model if isinstance(m, nn.Linear)]
        for linear, w in zip(linears, req["weights"]):
            kernel = read_f32(w["kernel"], linear.in_features * linear.out_features).reshape(linear.in_features, linear.out_features)
            linear.weight.copy_(kernel.t())
            linear.bias.copy_(read_f32(w["bias"], linear.out_features))
    last = spec["layers"][-1]["activation"]
    batch = req["batchSize"]
    sync()
    cpu0, t0 = time.process_time(), time.perf_counter()
    with torch.inference_mode():
        for _ in range(req["repeat"]):
            outs = []
            for start in range(0, rows, batch):
                out = model(x[start : start + batch])
                if last == "sigmoid":
                    out = torch.sigmoid(out)
                elif last == "softmax":
                    out = torch.softmax(out, dim=1)
                outs.append(out)
            preds = torch.cat(outs).cpu()
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    return {"seconds": seconds, "cpuSeconds": cpu, "meanPrediction": preds.double().mean().item()}


def main():
    handlers = {"info": lambda r: info(), "load": load, "fit": fit, "predict": predict, "warm": warm, "release": lambda r: data.pop(r["name"], None) and {}}
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        try:
            out = handlers[req["cmd"]](req) or {}
            out["ok"] = True
        except Exception as e:  # reported to the bench as this run's failure
            out = {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
