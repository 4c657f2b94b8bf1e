namespace Extraction.Store;

/// <summary>One step that brings a store from schema version <c>To - 1</c> to <c>To</c>.</summary>
public sealed record StoreMigration(int To, string Sql);
