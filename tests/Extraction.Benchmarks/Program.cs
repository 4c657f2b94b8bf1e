using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Extraction.Benchmarks;

// Any BenchmarkDotNet option works: --filter '*Recognize*', --job short, --list flat, --memory.
var config = DefaultConfig.Instance.AddColumn(new ThroughputColumn());
BenchmarkSwitcher.FromAssembly(typeof(ThroughputColumn).Assembly).Run(args, config);
return 0;
