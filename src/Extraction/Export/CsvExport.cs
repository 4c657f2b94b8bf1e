using System.Globalization;
using CsvHelper;
using Extraction.Model;
using Extraction.Output;
using Extraction.Report;

namespace Extraction.Export;

/// <summary>
/// Facts and records as CSV (RFC 4180 quoting by CsvHelper): a header, then one row each, columns
/// always in the order of <see cref="FactColumns"/> and <see cref="RecordColumns"/>. Figures are in
/// base units (invariant digits, no grouping) with a readable <c>display</c> column beside them
/// (<see cref="HumanValues"/>, as in diffs: "≈ 2,5 Mrd. EUR").
/// </summary>
public static class CsvExport
{
    /// <summary>The columns of facts.csv, in order. New columns are only ever added at the end.</summary>
    public static IReadOnlyList<string> FactColumns { get; } =
    [
        "article", "kind", "actor", "amount_min", "amount_max", "currency", "count_min", "count_max", "unit", "model",
        "qualifier", "display", "confidence", "text", "sentence", "offset",
    ];

    /// <summary>The columns of records.csv, in order. New columns are only ever added at the end.</summary>
    public static IReadOnlyList<string> RecordColumns { get; } =
    [
        "id", "kind", "actor", "amount_min", "amount_max", "currency", "count_min", "count_max", "unit", "model",
        "qualifier", "display", "mentions", "articles", "text", "sentence",
    ];

    /// <summary>Writes facts (UTF-8) with a header; returns the number of rows.</summary>
    public static int WriteFacts(Stream output, IEnumerable<Fact> facts, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Write(output, FactColumns, facts, options, (csv, f) =>
        {
            csv.WriteField(f.Article);
            WriteClaim(csv, f.Kind, f.Actor, f.Amount, f.Count, f.Unit, f.HardwareModel);
            csv.WriteField(Math.Round(f.Confidence, 3).ToString("0.###", CultureInfo.InvariantCulture));
            csv.WriteField(f.Text);
            csv.WriteField(f.Sentence);
            csv.WriteField(f.Start.ToString(CultureInfo.InvariantCulture));
        });
    }

    /// <summary>
    /// Writes records (UTF-8) with a header; returns the number of rows. <c>articles</c> lists the
    /// distinct source articles ("; " between them); <c>text</c> and <c>sentence</c> are the first source's.
    /// </summary>
    public static int WriteRecords(Stream output, IEnumerable<ClaimRecord> records, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Write(output, RecordColumns, records, options, (csv, r) =>
        {
            csv.WriteField(r.Id);
            WriteClaim(csv, r.Kind, r.Actor, r.Amount, r.Count, r.Unit, r.HardwareModel);
            csv.WriteField(r.Mentions.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(string.Join("; ", r.Sources.Select(s => s.Article).Distinct(StringComparer.Ordinal)));
            csv.WriteField(r.Sources.Count > 0 ? r.Sources[0].Text : "");
            csv.WriteField(r.Sources.Count > 0 ? r.Sources[0].Sentence : "");
        });
    }

    /// <summary>Writes facts to a file, whole or not at all; returns the number of rows.</summary>
    public static int WriteFactsFile(string path, IEnumerable<Fact> facts, CsvOptions? options = null) =>
        WriteFile(path, stream => WriteFacts(stream, facts, options));

    /// <summary>Writes records to a file, whole or not at all; returns the number of rows.</summary>
    public static int WriteRecordsFile(string path, IEnumerable<ClaimRecord> records, CsvOptions? options = null) =>
        WriteFile(path, stream => WriteRecords(stream, records, options));

    private static int WriteFile(string path, Func<Stream, int> write)
    {
        var rows = 0;
        AtomicFile.Write(path, stream => rows = write(stream));
        return rows;
    }

    private static int Write<T>(Stream output, IReadOnlyList<string> columns, IEnumerable<T> rows, CsvOptions? options, Action<CsvWriter, T> writeRow)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= new CsvOptions();
        options.Validate();

        // Text comes from web pages: a cell starting with '=', '+', '-' or '@' would be a formula in a
        // spreadsheet, so such a text field is written with a leading apostrophe (CsvHelper's escape).
        var settings = new CsvWriterOptions
        {
            Separator = options.Delimiter[0],
            NewLine = "\r\n",
            Injection = CsvInjection.Escape,
            WriteByteOrderMark = options.Bom,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var csv = CsvWriter.Create(output, settings, leaveOpen: true);
        csv.WriteHeader(columns.ToArray());
        var n = 0;
        foreach (var row in rows)
        {
            writeRow(csv, row);
            csv.EndRecord();
            n++;
        }

        csv.Flush();
        return n;
    }

    private static void WriteClaim(CsvWriter csv, FactKind kind, string? actor, Amount? amount, Count? count, string? unit, string? model)
    {
        csv.WriteField(ContractNames.Of(kind));
        csv.WriteField(actor ?? "");
        csv.WriteField(amount is null ? "" : Invariant(amount.Min));
        csv.WriteField(amount is null ? "" : Invariant(amount.Max));
        csv.WriteField(amount?.Currency ?? "");
        csv.WriteField(count is null ? "" : count.Min.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(count is null ? "" : count.Max.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(unit ?? "");
        csv.WriteField(model ?? "");
        var qualifier = amount?.Qualifier ?? count?.Qualifier;
        csv.WriteField(qualifier is { } q ? ContractNames.Of(q) : "");
        csv.WriteField(amount is not null ? HumanValues.Amount(amount) : count is not null ? HumanValues.Count(count, unit, model) : "");
    }

    private static string Invariant(decimal d) => JsonFormats.Normalize(d).ToString(CultureInfo.InvariantCulture);
}
