using System.Text;
using Reporting.Core.Storage;

namespace Reporting.Tests.Storage;

public sealed class FolderReportStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reporting-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Writes_and_reads_back_under_container_folders()
    {
        var store = new FolderReportStore(_root);

        await store.WriteBytesAsync("archive/2022-12/anyuan/a.xlsx", Encoding.UTF8.GetBytes("abc"), WriteCondition.Overwrite);

        Assert.True(File.Exists(Path.Combine(_root, "archive", "2022-12", "anyuan", "a.xlsx")));
        Assert.Equal("abc", Encoding.UTF8.GetString((await store.ReadBytesAsync("archive/2022-12/anyuan/a.xlsx"))!));
        Assert.Null(await store.ReadBytesAsync("archive/2022-12/anyuan/missing.xlsx"));
    }

    [Fact]
    public async Task IfNotExists_refuses_to_overwrite()
    {
        var store = new FolderReportStore(_root);
        await store.WriteBytesAsync("archive/x/a.bin", new byte[] { 1 }, WriteCondition.IfNotExists);

        await Assert.ThrowsAsync<StoreConflictException>(() => store.WriteBytesAsync("archive/x/a.bin", new byte[] { 2 }, WriteCondition.IfNotExists));

        Assert.Equal(new byte[] { 1 }, await store.ReadBytesAsync("archive/x/a.bin"));
    }

    [Fact]
    public async Task IfMatch_fails_after_a_concurrent_change()
    {
        var store = new FolderReportStore(_root);
        StoredObject first = await store.WriteBytesAsync("datasets/2022-12/d/projects.json", new byte[] { 1 }, WriteCondition.Overwrite);
        await store.WriteBytesAsync("datasets/2022-12/d/projects.json", new byte[] { 2, 2 }, WriteCondition.IfMatch(first.ETag));

        await Assert.ThrowsAsync<StoreConflictException>(
            () => store.WriteBytesAsync("datasets/2022-12/d/projects.json", new byte[] { 3 }, WriteCondition.IfMatch(first.ETag)));
    }

    [Fact]
    public async Task Lists_by_prefix_in_ordinal_order_without_temporary_files()
    {
        var store = new FolderReportStore(_root);
        await store.WriteBytesAsync("datasets/2022-12/b/projects.json", new byte[] { 1 }, WriteCondition.Overwrite);
        await store.WriteBytesAsync("datasets/2022-12/a/projects.json", new byte[] { 1 }, WriteCondition.Overwrite);
        await store.WriteBytesAsync("datasets/2022-11/a/projects.json", new byte[] { 1 }, WriteCondition.Overwrite);

        List<string> paths = [];
        await foreach (StoredObject item in store.ListAsync("datasets/2022-12/"))
        {
            paths.Add(item.Path);
        }

        Assert.Equal(["datasets/2022-12/a/projects.json", "datasets/2022-12/b/projects.json"], paths);
    }

    [Theory]
    [InlineData("uploads/../../etc/passwd")]
    [InlineData("uploads/a/../b")]
    [InlineData("/uploads/a")]
    [InlineData("uploads\\a")]
    [InlineData("secrets/a")]
    [InlineData("uploads/a\u0000b")]
    [InlineData("uploads//a")]
    public async Task Refuses_paths_that_could_escape_the_store(string path)
    {
        var store = new FolderReportStore(_root);

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteBytesAsync(path, new byte[] { 1 }, WriteCondition.Overwrite));
    }
}
