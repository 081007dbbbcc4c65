// torch's global generator (manual_seed, rng state) is process-wide, and the hot-reload tests count load
// contexts after GC: tests must not run side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
