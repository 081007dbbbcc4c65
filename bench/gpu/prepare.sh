#!/bin/bash
# Builds what bench/gpu/run.sh needs on the GPU machine, which has PyTorch but no .NET and no network, into the
# git-ignored folder .gpu/ (carried with the working tree; everything together must stay under 64 MiB):
#   .gpu/grokdsl/                  the CLI, built framework-dependent, without the CPU libtorch (the GPU
#                                  machine's PyTorch provides libtorch), with the built-in plugins
#   .gpu/dotnet-runtime.tar.xz     this machine's .NET runtime (no SDK), unpacked there by run.sh
#   .gpu/pytorch_reference.py      with --reference FILE: PyTorch's reference script, copied so that it travels too
#                                  (it stays out of the repository; .gpu/ is git-ignored)
# Usage: bench/gpu/prepare.sh [--reference ../shared/bench/pytorch_reference.py]   (a few minutes on two cores)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
bundle=$repo/.gpu
limit_mib=64
reference=
case ${1:-} in
    --reference) reference=${2:?--reference needs a file}; [ -f "$reference" ] || { echo "error: --reference $reference: no such file" >&2; exit 2; } ;;
    "") ;;
    *) echo "error: unknown argument '$1'; usage: bench/gpu/prepare.sh [--reference FILE]" >&2; exit 2 ;;
esac

rm -rf "$bundle/grokdsl" "$bundle/dotnet-runtime.tar.xz" "$bundle/pytorch_reference.py"
mkdir -p "$bundle"
if [ -n "$reference" ]; then cp "$reference" "$bundle/pytorch_reference.py"; fi

# A framework-dependent linux-x64 build of the CLI. An empty GrokLibTorchPackage drops the CPU libtorch (~600 MB)
# from its references (Directory.Build.targets); the separate artifacts path keeps that different restore out of
# the normal obj/ and bin/ folders. English only: the compiler's satellite resource folders would add ~10 MB.
# The build output is copied rather than published: `dotnet publish` left the CLI's project references
# (GrokDsl.Runtime.dll, ...) out of its output here, and the build output also holds the bundled plugins/.
dotnet build "$repo/src/GrokDsl.Cli" -c Release -r linux-x64 --self-contained false --artifacts-path "$bundle/build" \
    -p:GrokLibTorchPackage= -p:SatelliteResourceLanguages=en -p:DebugType=none -p:GenerateDocumentationFile=false
built=$bundle/build/bin/GrokDsl.Cli/release_linux-x64
[ -f "$built/GrokDsl.Runtime.dll" ] || { echo "error: $built has no GrokDsl.Runtime.dll; the build did not produce the CLI" >&2; exit 1; }
cp -r "$built" "$bundle/grokdsl"
rm -rf "$bundle/grokdsl/cpu"   # TorchSharp may consolidate a CPU backend here; PyTorch's libtorch replaces it
if ls "$bundle/grokdsl"/libtorch_cpu.so >/dev/null 2>&1; then
    echo "error: $bundle/grokdsl still holds the CPU libtorch; the GPU bundle must use PyTorch's" >&2
    exit 1
fi

# The .NET runtime, packed as ../shared/bench/pack-dotnet-runtime.sh does: dotnet host, hostfxr, Microsoft.NETCore.App.
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
tar -C "$dotnet_root" -cf - dotnet host shared/Microsoft.NETCore.App | xz -T0 -6 > "$bundle/dotnet-runtime.tar.xz"

# What travels: the working tree (tracked and untracked, not ignored files) plus what is carried from .gpu/
# (not .gpu/build, which stays here).
tree_bytes=$(cd "$repo" && git ls-files -z --cached --others --exclude-standard | xargs -0 -r du -cb 2>/dev/null | tail -1 | cut -f1)
bundle_bytes=$(du -cb "$bundle/grokdsl" "$bundle/dotnet-runtime.tar.xz" | tail -1 | cut -f1)
[ -z "$reference" ] || bundle_bytes=$(( bundle_bytes + $(stat -c %s "$bundle/pytorch_reference.py") ))
total_mib=$(( (tree_bytes + bundle_bytes + 1048575) / 1048576 ))
echo "working tree $(( tree_bytes / 1048576 )) MiB + .gpu/grokdsl and runtime $(( bundle_bytes / 1048576 )) MiB = ${total_mib} MiB (limit ${limit_mib} MiB)"
if [ "$total_mib" -gt "$limit_mib" ]; then
    echo "error: the bundle is over the ${limit_mib} MiB the GPU machine accepts; largest files:" >&2
    find "$bundle/grokdsl" -type f -printf '%s %p\n' | sort -rn | head -10 >&2
    exit 1
fi
echo "ready: carry .gpu/grokdsl and .gpu/dotnet-runtime.tar.xz${reference:+ and .gpu/pytorch_reference.py}, then run bench/gpu/run.sh there"
