using Reporting.Core.Storage;

namespace Reporting.Tests.Storage;

public sealed class FolderLedgerStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reporting-ledger-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private sealed record Row(string Status, int Attempts);

    [Fact]
    public async Task Insert_refuses_an_existing_row_and_replace_needs_the_current_etag()
    {
        var ledger = new FolderLedgerStore(_root);
        string etag = await ledger.InsertAsync("deliveries", "2022-12", "a@x.cn", new Row("Pending", 0));

        await Assert.ThrowsAsync<LedgerConflictException>(() => ledger.InsertAsync("deliveries", "2022-12", "a@x.cn", new Row("Pending", 0)));

        string next = await ledger.ReplaceAsync("deliveries", "2022-12", "a@x.cn", new Row("Sent", 1), etag);
        await Assert.ThrowsAsync<LedgerConflictException>(() => ledger.ReplaceAsync("deliveries", "2022-12", "a@x.cn", new Row("Sent", 2), etag));

        LedgerRow<Row>? row = await ledger.GetAsync<Row>("deliveries", "2022-12", "a@x.cn");
        Assert.Equal(new Row("Sent", 1), row!.Value);
        Assert.Equal(next, row.ETag);
    }

    [Fact]
    public async Task Query_returns_a_partition_in_row_key_order()
    {
        var ledger = new FolderLedgerStore(_root);
        await ledger.UpsertAsync("submissions", "2022-12", "b", new Row("Accepted", 1));
        await ledger.UpsertAsync("submissions", "2022-12", "a", new Row("Rejected", 1));
        await ledger.UpsertAsync("submissions", "2022-11", "c", new Row("Accepted", 1));

        List<string> keys = [];
        await foreach (LedgerRow<Row> row in ledger.QueryAsync<Row>("submissions", "2022-12"))
        {
            keys.Add(row.RowKey);
        }

        Assert.Equal(["a", "b"], keys);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("..")]
    public async Task Rejects_keys_that_azure_tables_would_refuse(string key)
    {
        var ledger = new FolderLedgerStore(_root);

        if (key == "..")
        {
            // ".." is a legal Azure key; the folder store must keep it inside its own directory.
            await ledger.UpsertAsync("submissions", key, key, new Row("x", 0));
            Assert.NotNull(await ledger.GetAsync<Row>("submissions", key, key));
            Assert.False(File.Exists(Path.Combine(_root, "x.json")));
            return;
        }

        await Assert.ThrowsAsync<ArgumentException>(() => ledger.UpsertAsync("submissions", "p", key, new Row("x", 0)));
    }
}
