#!/usr/bin/env python3
"""The workloads of `grokdsl bench cpu`, written in plain PyTorch for comparison (PyTorch 1.13 and later).

1. Anchor MLP: a+b mod 113, 30% of the pairs for training, full batch, Embedding 128 -> concat -> Linear 512 ->
   ReLU -> Linear 113; AdamW lr 1e-3, weight decay 1, betas 0.9/0.98. Steady-state training steps per second.
2. Anchor transformer: the same data as tokens [a, b, =] (vocabulary 114), Nanda et al.'s one-layer model: d 128,
   4 heads of 32, fused bias-free QKV, causal attention, MLP 512 with biases, ReLU, learned positions, no LayerNorm,
   logits of the last position; same optimizer.
3. GrokDsl's default experiment: a+b mod 97, 50% for training, Embedding 64 -> Linear 256 -> ReLU -> Linear 97,
   the same optimizer, full batch, train and test accuracy every 10 steps, until test accuracy reaches 95%.

Prints one JSON object per line, which `grokdsl bench cpu` reads:
  {"workload": "mlp", "steps_per_second": ...}   {"workload": "default", "seconds": ..., "grokked_at": ...}
  {"workload": "process", "torch": "...", "threads": N, "peak_rss_mib": ...}

Usage: python3 bench/pytorch_cpu.py [--threads N] [--steps N] [--only mlp,transformer,default]
"""
import argparse
import json
import math
import resource
import sys
import time

import torch
import torch.nn.functional as F


def pairs(modulus, train_fraction, seed):
    """All (a, b) with label (a + b) mod p, shuffled by `seed` and split into train and test."""
    a = torch.arange(modulus).repeat_interleave(modulus)
    b = torch.arange(modulus).repeat(modulus)
    labels = (a + b) % modulus
    order = torch.randperm(modulus * modulus, generator=torch.Generator().manual_seed(seed))
    cut = int(train_fraction * modulus * modulus)
    inputs = torch.stack([a, b], 1)[order]
    return (inputs[:cut], labels[order][:cut]), (inputs[cut:], labels[order][cut:])


class ConcatMlp(torch.nn.Module):
    def __init__(self, vocabulary, embedding, hidden, classes):
        super().__init__()
        self.embedding = torch.nn.Embedding(vocabulary, embedding)
        self.hidden = torch.nn.Linear(2 * embedding, hidden)
        self.output = torch.nn.Linear(hidden, classes)

    def forward(self, x):
        return self.output(F.relu(self.hidden(self.embedding(x).flatten(1))))


class OneLayerTransformer(torch.nn.Module):
    def __init__(self, vocabulary, classes, width=128, heads=4, mlp=512, positions=3):
        super().__init__()
        self.heads = heads
        self.token = torch.nn.Parameter(torch.randn(vocabulary, width) / math.sqrt(width))
        self.position = torch.nn.Parameter(torch.randn(positions, width) / math.sqrt(width))
        self.qkv = torch.nn.Linear(width, 3 * width, bias=False)
        self.out = torch.nn.Linear(width, width, bias=False)
        self.mlp_in = torch.nn.Linear(width, mlp)
        self.mlp_out = torch.nn.Linear(mlp, width)
        self.unembed = torch.nn.Linear(width, classes, bias=False)

    def forward(self, tokens):
        x = self.token[tokens] + self.position
        n, t, d = x.shape
        q, k, v = self.qkv(x).view(n, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        if hasattr(F, "scaled_dot_product_attention"):
            attended = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        else:  # PyTorch 1.13 (Debian 12)
            future = torch.ones(t, t, dtype=torch.bool).triu(1)
            scores = (q @ k.transpose(-1, -2) / math.sqrt(d // self.heads)).masked_fill(future, float("-inf"))
            attended = scores.softmax(-1) @ v
        x = x + self.out(attended.transpose(1, 2).reshape(n, t, d))
        x = x + self.mlp_out(F.relu(self.mlp_in(x)))
        return self.unembed(x[:, -1])


def adamw(model):
    return torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1.0, betas=(0.9, 0.98))


def anchor_rate(name, steps, warmup=5):
    torch.manual_seed(0)
    (inputs, labels), _ = pairs(113, 0.3, seed=0)
    if name == "mlp":
        model = ConcatMlp(113, 128, 512, 113)
    else:
        model = OneLayerTransformer(114, 113)
        inputs = torch.cat([inputs, torch.full((len(inputs), 1), 113)], 1)
    optimizer = adamw(model)

    def step():
        optimizer.zero_grad()
        F.cross_entropy(model(inputs), labels).backward()
        optimizer.step()

    for _ in range(warmup):
        step()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    return steps / (time.perf_counter() - start)


def accuracy(logits, labels):
    return (logits.argmax(1) == labels).sum().item() / len(labels)


def default_experiment(seed=0, max_steps=10_000, every=10, memorized=0.99, grokked=0.95):
    torch.manual_seed(seed)
    (train, train_labels), (test, test_labels) = pairs(97, 0.5, seed)
    model = ConcatMlp(97, 64, 256, 97)
    optimizer = adamw(model)
    memorized_at = None
    start = time.perf_counter()
    for step in range(max_steps + 1):
        # As GrokDsl's trainer does: the test set under no_grad, the training accuracy from the step's own logits.
        evaluate = step % every == 0
        if evaluate:
            with torch.no_grad():
                test_accuracy = accuracy(model(test), test_labels)
        optimizer.zero_grad()
        logits = model(train)
        loss = F.cross_entropy(logits, train_labels)
        if evaluate:
            if memorized_at is None and accuracy(logits, train_labels) >= memorized:
                memorized_at = step
            if test_accuracy >= grokked:
                return {"seconds": time.perf_counter() - start, "grokked_at": step, "memorized_at": memorized_at}
        loss.backward()
        optimizer.step()
    return {"seconds": time.perf_counter() - start, "grokked_at": None, "memorized_at": memorized_at}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=torch.get_num_threads())
    parser.add_argument("--steps", type=int, default=30, help="timed steps of each anchor")
    parser.add_argument("--only", default="mlp,transformer,default")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    for workload in args.only.split(","):
        if workload in ("mlp", "transformer"):
            result = {"steps_per_second": anchor_rate(workload, args.steps)}
        elif workload == "default":
            result = default_experiment()
        else:
            sys.exit(f"unknown workload {workload!r}: expected mlp, transformer or default")
        print(json.dumps({"workload": workload, **result}), flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"workload": "process", "torch": torch.__version__, "threads": torch.get_num_threads(), "peak_rss_mib": peak}))


if __name__ == "__main__":
    main()
