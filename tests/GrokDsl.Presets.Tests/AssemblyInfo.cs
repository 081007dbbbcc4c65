// torch's global generator is process-wide; parallel runs would interleave their seeding.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
