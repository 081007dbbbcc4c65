// torch's global generator (manual_seed, rng state) is process-wide: runs in parallel test classes would
// interleave their seeding and break the determinism these tests assert.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
