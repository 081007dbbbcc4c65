#!/bin/bash
# Runs on the GPU machine (PyTorch with CUDA, no .NET, no network): GrokDsl's GPU benchmarks beside PyTorch's
# reference timings, every output under $OUT. bench/gpu/prepare.sh builds what it needs into .gpu/ first.
#
# Usage: OUT=DIR bench/gpu/run.sh [--reference FILE] [--device cuda|cpu] [--torch-lib DIR] [--quick]
#   --reference FILE   PyTorch's reference script, run first, into $OUT/pytorch-reference.txt (default:
#                      .gpu/pytorch_reference.py, which prepare.sh --reference copies there; the script itself
#                      stays outside the repository, in ../shared/bench/)
#   --device           cuda (default); cpu runs the same commands on a machine without a GPU, to check this script
#   --torch-lib DIR    libtorch to load (default: the torch/lib folder of python3's PyTorch)
#   --quick            a few steps of each benchmark instead of the documented defaults
# The Gpu-category tests need `dotnet test`, which needs the .NET SDK; they cannot run there. The TF32 run below
# checks the same path through the CLI.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
bundle=$repo/.gpu
out=${OUT:?set OUT to the folder the results go to}
device=cuda reference= torch_lib= quick=false
while [ $# -gt 0 ]; do
    case $1 in
        --reference) reference=$2; shift 2 ;;
        --device) device=$2; shift 2 ;;
        --torch-lib) torch_lib=$2; shift 2 ;;
        --quick) quick=true; shift ;;
        *) echo "error: unknown argument '$1' (see the usage at the top of $0)" >&2; exit 2 ;;
    esac
done
for needed in "$bundle/grokdsl/GrokDsl.Cli.dll" "$bundle/dotnet-runtime.tar.xz"; do
    [ -e "$needed" ] || { echo "error: $needed is missing; run bench/gpu/prepare.sh where .NET is installed and carry .gpu/" >&2; exit 2; }
done
if [ -z "$reference" ] && [ -f "$bundle/pytorch_reference.py" ]; then reference=$bundle/pytorch_reference.py; fi
if [ -n "$reference" ] && [ ! -f "$reference" ]; then echo "error: --reference $reference: no such file" >&2; exit 2; fi
mkdir -p "$out"

# The packed .NET runtime, unpacked once per machine.
dotnet_root=${TMPDIR:-/tmp}/grokdsl-dotnet
[ -x "$dotnet_root/dotnet" ] || { mkdir -p "$dotnet_root" && tar -C "$dotnet_root" -xJf "$bundle/dotnet-runtime.tar.xz"; } || exit 1
export DOTNET_ROOT=$dotnet_root DOTNET_CLI_TELEMETRY_OPTOUT=1

# TorchSharp's native library binds to the libtorch it finds on the library path: PyTorch's, with CUDA.
if [ -z "$torch_lib" ]; then
    torch_lib=$(python3 -c 'import torch, os; print(os.path.join(os.path.dirname(torch.__file__), "lib"))') \
        || { echo "error: python3 cannot import torch; pass --torch-lib DIR (a folder holding libtorch.so)" >&2; exit 2; }
fi
export LD_LIBRARY_PATH=$torch_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} GROKDSL_TORCH_LIB=$torch_lib

grokdsl() { "$dotnet_root/dotnet" "$bundle/grokdsl/GrokDsl.Cli.dll" "$@"; }

# Runs one step, its output into $out/NAME.txt, and notes its exit code; a failing step does not stop the others.
failed=0
step() {
    local name=$1; shift
    echo "== $name: $*"
    local started=$SECONDS
    "$@" > "$out/$name.txt" 2>&1
    local code=$?
    echo "$name exit $code ($(( SECONDS - started )) s)" | tee -a "$out/steps.txt"
    tail -n 25 "$out/$name.txt"
    [ $code -eq 0 ] || failed=1
}

{ date -u; uname -a; nvidia-smi 2>&1 || echo "no nvidia-smi"; echo "torch lib: $torch_lib"; } > "$out/machine.txt"
: > "$out/steps.txt"

if [ -n "$reference" ] && [ "$device" != cpu ]; then step pytorch-reference python3 "$reference"; fi

if $quick; then
    step bench-stacked grokdsl bench stacked --device "$device" --steps 3 --stacks 1,2 --default-runs 2 --default-steps 20
    step bench-memory grokdsl bench memory --device "$device" --steps 40 --warmup 20 --every 10 --stack 2
    tf32_steps=30
else
    step bench-stacked grokdsl bench stacked --device "$device"
    step bench-memory grokdsl bench memory --device "$device"
    tf32_steps=1000
fi
# `bench overhead` has no --device: its hand-written comparison loop is CPU-only, so it is not run here.

# TF32 end to end: a run that asks for it records whether it was in effect (true on CUDA, false on the CPU).
step tf32-run grokdsl run modular-addition --device "$device" --runs "$out/runs" --force \
    --set Training.AllowTf32=true --set Stopping.MaxSteps=$tf32_steps --set Stopping.StopAfterGrokking=false
grep -h -E '"(device|precision|tf32Requested|tf32InEffect)"' "$out"/runs/*/*/environment.json | tee "$out/tf32-environment.txt"

echo "results in $out (steps.txt lists each step's exit code)"
exit $failed
