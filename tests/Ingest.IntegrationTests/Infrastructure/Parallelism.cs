// Integration tests share one ClickHouse server and one broker, and some stop ClickHouse on
// purpose: they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
