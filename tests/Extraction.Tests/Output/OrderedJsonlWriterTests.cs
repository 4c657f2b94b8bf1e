using System.Text;
using Extraction.Output;
using Extraction.Tests.Support;

namespace Extraction.Tests.Output;

public sealed class OrderedJsonlWriterTests
{
    private sealed record Item(string Name);

    [Fact]
    public void Add_OutOfOrder_WrittenInInputOrderAndPublishedOnComplete()
    {
        using var tmp = CliRunner.Temp();
        var path = Path.Combine(tmp.Path, "out.jsonl");
        var released = new List<int>();
        using var writer = new OrderedJsonlWriter<Item>([path], (i, _) => [Encoding.UTF8.GetBytes(i.Name)], (index, _) => released.Add(index));

        writer.Add(2, new Item("c"));
        writer.Add(0, new Item("a"));
        Assert.Equal([0], released);
        Assert.False(File.Exists(path));
        writer.Add(1, null);
        writer.Add(4, new Item("e"));
        writer.Complete();

        Assert.Equal(["a", "c", "e"], File.ReadAllLines(path));
        Assert.Equal([0, 2, 4], released);
        Assert.Empty(Directory.GetFiles(tmp.Path, "*.tmp"));
    }

    [Fact]
    public async Task WaitForRoomAsync_FarAheadOfASlowInput_WaitsUntilItIsIn()
    {
        using var tmp = CliRunner.Temp();
        using var writer = new OrderedJsonlWriter<Item>([Path.Combine(tmp.Path, "out.jsonl")], (i, _) => [Encoding.UTF8.GetBytes(i.Name)]);
        for (var i = 1; i < 4; i++)
        {
            writer.Add(i, new Item("x"));
        }

        await writer.WaitForRoomAsync(3, 4, CancellationToken.None);
        var far = writer.WaitForRoomAsync(5, 4, CancellationToken.None);
        // Only an input written out can let the waiter go, so no time has to pass for the check to mean something:
        // neither the call itself nor another input that leaves 0 missing releases it.
        Assert.False(far.IsCompleted, "input 5 may not start while input 0 holds up 1 to 3 and the window is 4");
        writer.Add(4, new Item("x"));
        Assert.False(far.IsCompleted, "input 4 arriving does not write anything while input 0 is missing");

        writer.Add(0, new Item("slow"));
        // The bound only keeps a broken writer from hanging the suite.
        await far.WaitAsync(TimerClock.HangGuard);
        using var cts = new CancellationTokenSource();
        var stuck = writer.WaitForRoomAsync(100, 4, cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stuck);
    }

    [Fact]
    public void Dispose_WithoutComplete_LeavesNoFiles()
    {
        using var tmp = CliRunner.Temp();
        var path = Path.Combine(tmp.Path, "out.jsonl");

        using (var writer = new OrderedJsonlWriter<Item>([path], (i, _) => [Encoding.UTF8.GetBytes(i.Name)]))
        {
            writer.Add(0, new Item("a"));
        }

        Assert.Empty(Directory.GetFiles(tmp.Path));
    }
}
