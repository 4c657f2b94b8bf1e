using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Extraction.Benchmarks;

/// <summary>
/// MB/s = input bytes per operation / mean time. A benchmark class states its input size with a
/// public static <c>long InputBytes(string? param)</c> (the value of its first [Params], if any);
/// classes without it show "-". Benchmarks are single-threaded, so this is throughput per core.
/// </summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Input megabytes (10^6 bytes, UTF-8 or raw page bytes) processed per second on one core";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var method = benchmarkCase.Descriptor.Type.GetMethod("InputBytes", BindingFlags.Public | BindingFlags.Static);
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (method is null || mean is null or <= 0)
        {
            return "-";
        }

        var items = benchmarkCase.Parameters.Items;
        var param = items.Count > 0 ? items[0].Value?.ToString() : null;
        var bytes = (long)method.Invoke(null, [param])!;
        return (bytes / (mean.Value / 1e9) / 1e6).ToString("0.00", CultureInfo.InvariantCulture);
    }

    public override string ToString() => ColumnName;
}
