using System.Security.Cryptography;
using System.Text;
using Reporting.Core.Storage;

namespace Reporting.Tests.Storage.Contracts;

/// <summary>
/// What every <see cref="IReportStore"/> must do, identically: the folder store runs this suite
/// in Reporting.Tests, the Azure Blob store runs it against Azurite in Reporting.IntegrationTests.
/// Each test gets a fresh, empty store.
/// </summary>
public abstract class ReportStoreContract
{
    protected abstract Task<IReportStore> CreateStoreAsync();

    [Fact]
    public async Task A_missing_object_has_no_info_no_stream_and_is_not_deleted()
    {
        IReportStore store = await CreateStoreAsync();

        Assert.Null(await store.GetInfoAsync("archive/2022-12/anyuan/missing.xlsx"));
        Assert.Null(await store.OpenReadAsync("archive/2022-12/anyuan/missing.xlsx"));
        Assert.False(await store.DeleteAsync("archive/2022-12/anyuan/missing.xlsx"));
    }

    [Fact]
    public async Task Writes_and_reads_back_the_same_bytes_with_matching_metadata()
    {
        IReportStore store = await CreateStoreAsync();
        byte[] content = Encoding.UTF8.GetBytes("项目名称,县区\n湘东区产业园,湘东区\n");

        StoredObject written = await store.WriteBytesAsync("uploads/xiangdong/2022年12月调度表.csv", content, WriteCondition.Overwrite);
        StoredObject? info = await store.GetInfoAsync("uploads/xiangdong/2022年12月调度表.csv");

        Assert.Equal(content, await store.ReadBytesAsync("uploads/xiangdong/2022年12月调度表.csv"));
        Assert.NotNull(info);
        Assert.Equal("uploads/xiangdong/2022年12月调度表.csv", written.Path);
        Assert.Equal(content.Length, written.Length);
        Assert.Equal(written.Length, info.Length);
        Assert.Equal(written.ETag, info.ETag);
        Assert.StartsWith("\"", written.ETag, StringComparison.Ordinal);
        Assert.True(info.LastModified > DateTimeOffset.UtcNow.AddHours(-1) && info.LastModified < DateTimeOffset.UtcNow.AddHours(1));
    }

    [Fact]
    public async Task Overwrite_replaces_the_content_and_changes_the_etag()
    {
        IReportStore store = await CreateStoreAsync();
        StoredObject first = await store.WriteBytesAsync("datasets/2022-12/anyuan/projects.json", "{\"a\":1}"u8.ToArray(), WriteCondition.Overwrite);

        StoredObject second = await store.WriteBytesAsync("datasets/2022-12/anyuan/projects.json", "{\"a\":22}"u8.ToArray(), WriteCondition.Overwrite);

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal("{\"a\":22}"u8.ToArray(), await store.ReadBytesAsync("datasets/2022-12/anyuan/projects.json"));
    }

    [Fact]
    public async Task Every_version_has_its_own_etag_even_when_written_in_the_same_instant_at_the_same_length()
    {
        // File systems stamp files written within a few milliseconds alike: an ETag made of time and length alone would
        // let a writer holding an older version's ETag overwrite a newer one.
        IReportStore store = await CreateStoreAsync();
        const string Path = "datasets/2022-12/anyuan/projects.json";
        StoredObject previous = await store.WriteBytesAsync(Path, "{\"v\":0}"u8.ToArray(), WriteCondition.Overwrite);
        var seen = new HashSet<string>(StringComparer.Ordinal) { previous.ETag };

        for (int version = 1; version <= 20; version++)
        {
            byte[] content = System.Text.Encoding.UTF8.GetBytes($"{{\"v\":{version % 10}}}");
            StoredObject current = await store.WriteBytesAsync(Path, content, WriteCondition.Overwrite);

            Assert.True(seen.Add(current.ETag), $"version {version} has the ETag of an earlier one: {current.ETag}");
            Assert.Equal(current.ETag, (await store.GetInfoAsync(Path))!.ETag);
            await Assert.ThrowsAsync<StoreConflictException>(() => store.WriteBytesAsync(Path, content, WriteCondition.IfMatch(previous.ETag)));
            previous = current;
        }
    }

    [Fact]
    public async Task IfNotExists_writes_once_and_then_refuses_leaving_the_first_content()
    {
        IReportStore store = await CreateStoreAsync();
        await store.WriteBytesAsync("archive/2022-12/anyuan/a.xlsx", new byte[] { 1, 2, 3 }, WriteCondition.IfNotExists);

        StoreConflictException conflict = await Assert.ThrowsAsync<StoreConflictException>(
            () => store.WriteBytesAsync("archive/2022-12/anyuan/a.xlsx", new byte[] { 9 }, WriteCondition.IfNotExists));

        Assert.Equal("archive/2022-12/anyuan/a.xlsx", conflict.Path);
        Assert.Equal(new byte[] { 1, 2, 3 }, await store.ReadBytesAsync("archive/2022-12/anyuan/a.xlsx"));
    }

    [Fact]
    public async Task IfMatch_succeeds_with_the_current_etag_and_fails_with_a_stale_one()
    {
        IReportStore store = await CreateStoreAsync();
        StoredObject first = await store.WriteBytesAsync("datasets/2022-12/swj/signings.json", new byte[] { 1 }, WriteCondition.Overwrite);

        StoredObject second = await store.WriteBytesAsync("datasets/2022-12/swj/signings.json", new byte[] { 2, 2 }, WriteCondition.IfMatch(first.ETag));
        await Assert.ThrowsAsync<StoreConflictException>(
            () => store.WriteBytesAsync("datasets/2022-12/swj/signings.json", new byte[] { 3 }, WriteCondition.IfMatch(first.ETag)));

        Assert.Equal(second.ETag, (await store.GetInfoAsync("datasets/2022-12/swj/signings.json"))!.ETag);
        Assert.Equal(new byte[] { 2, 2 }, await store.ReadBytesAsync("datasets/2022-12/swj/signings.json"));
    }

    [Fact]
    public async Task IfMatch_on_a_missing_object_is_a_conflict()
    {
        IReportStore store = await CreateStoreAsync();
        StoredObject other = await store.WriteBytesAsync("datasets/2022-12/swj/other.json", new byte[] { 1 }, WriteCondition.Overwrite);

        await Assert.ThrowsAsync<StoreConflictException>(
            () => store.WriteBytesAsync("datasets/2022-12/swj/missing.json", new byte[] { 1 }, WriteCondition.IfMatch(other.ETag)));

        Assert.Null(await store.GetInfoAsync("datasets/2022-12/swj/missing.json"));
    }

    [Fact]
    public async Task Of_concurrent_IfNotExists_writers_exactly_one_wins()
    {
        IReportStore store = await CreateStoreAsync();

        Task<bool>[] writers = Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await store.WriteBytesAsync("archive/2022-12/luxi/race.bin", new byte[] { (byte)i }, WriteCondition.IfNotExists);
                return true;
            }
            catch (StoreConflictException)
            {
                return false;
            }
        }).ToArray();
        bool[] won = await Task.WhenAll(writers);

        Assert.Equal(1, won.Count(w => w));
        byte[] content = (await store.ReadBytesAsync("archive/2022-12/luxi/race.bin"))!;
        Assert.Equal(Array.IndexOf(won, true), content.Single());
    }

    [Fact]
    public async Task Of_concurrent_IfMatch_writers_with_the_same_etag_exactly_one_wins()
    {
        IReportStore store = await CreateStoreAsync();
        StoredObject start = await store.WriteBytesAsync("datasets/2022-12/gxj/metrics.json", new byte[] { 0 }, WriteCondition.Overwrite);

        bool[] won = await Task.WhenAll(Enumerable.Range(1, 8).Select(async i =>
        {
            try
            {
                await store.WriteBytesAsync("datasets/2022-12/gxj/metrics.json", new byte[] { (byte)i }, WriteCondition.IfMatch(start.ETag));
                return true;
            }
            catch (StoreConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(1, won.Count(w => w));
        Assert.Equal(Array.IndexOf(won, true) + 1, (await store.ReadBytesAsync("datasets/2022-12/gxj/metrics.json"))!.Single());
    }

    [Fact]
    public async Task Streams_a_large_upload_from_a_non_seekable_source()
    {
        IReportStore store = await CreateStoreAsync();
        byte[] content = new byte[5 * 1024 * 1024 + 17];
        new Random(42).NextBytes(content);

        StoredObject written;
        using (var source = new NonSeekableStream(new MemoryStream(content)))
        {
            written = await store.WriteAsync("uploads/anyuan/big.xlsx", source, WriteCondition.IfNotExists);
        }

        Assert.Equal(content.Length, written.Length);
        Stream? read = await store.OpenReadAsync("uploads/anyuan/big.xlsx");
        Assert.NotNull(read);
        await using (read)
        {
            Assert.Equal(SHA256.HashData(content), await SHA256.HashDataAsync(read));
        }
    }

    [Fact]
    public async Task Lists_by_prefix_in_ordinal_order_with_the_same_metadata_as_GetInfo()
    {
        IReportStore store = await CreateStoreAsync();
        string[] paths =
        [
            "datasets/2022-12/xiangdong/projects.json",
            "datasets/2022-12/anyuan/projects.json",
            "datasets/2022-12/Z/projects.json",
            "datasets/2022-12/安源区/projects.json",
            "datasets/2022-12/anyuan/metrics.json",
            "datasets/2022-11/anyuan/projects.json",
            "archive/2022-12/anyuan/x.xlsx",
        ];
        foreach (string path in paths)
        {
            await store.WriteBytesAsync(path, Encoding.UTF8.GetBytes(path), WriteCondition.Overwrite);
        }

        List<StoredObject> listed = [];
        await foreach (StoredObject item in store.ListAsync("datasets/2022-12/"))
        {
            listed.Add(item);
        }

        string[] expected = paths.Where(p => p.StartsWith("datasets/2022-12/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, listed.Select(i => i.Path));
        foreach (StoredObject item in listed)
        {
            StoredObject info = (await store.GetInfoAsync(item.Path))!;
            Assert.Equal(info.ETag, item.ETag);
            Assert.Equal(info.Length, item.Length);
        }
    }

    [Fact]
    public async Task Lists_a_whole_container_and_nothing_for_an_empty_one()
    {
        IReportStore store = await CreateStoreAsync();
        await store.WriteBytesAsync("rejected/anyuan/a.xlsx", new byte[] { 1 }, WriteCondition.Overwrite);
        await store.WriteBytesAsync("rejected/luxi/b.xlsx", new byte[] { 1 }, WriteCondition.Overwrite);

        List<string> whole = [];
        await foreach (StoredObject item in store.ListAsync("rejected"))
        {
            whole.Add(item.Path);
        }

        List<string> empty = [];
        await foreach (StoredObject item in store.ListAsync("briefings/"))
        {
            empty.Add(item.Path);
        }

        Assert.Equal(["rejected/anyuan/a.xlsx", "rejected/luxi/b.xlsx"], whole);
        Assert.Empty(empty);
    }

    [Fact]
    public async Task Listing_an_unknown_container_is_refused()
    {
        IReportStore store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (StoredObject unused in store.ListAsync("secrets/"))
            {
            }
        });
    }

    [Fact]
    public async Task Delete_removes_the_object_once()
    {
        IReportStore store = await CreateStoreAsync();
        await store.WriteBytesAsync("outbox/a@x.cn/1.eml", new byte[] { 1 }, WriteCondition.Overwrite);

        Assert.True(await store.DeleteAsync("outbox/a@x.cn/1.eml"));
        Assert.False(await store.DeleteAsync("outbox/a@x.cn/1.eml"));
        Assert.Null(await store.GetInfoAsync("outbox/a@x.cn/1.eml"));
    }

    [Theory]
    [InlineData("uploads/../../etc/passwd")]
    [InlineData("uploads/a/../b")]
    [InlineData("/uploads/a")]
    [InlineData("uploads\\a")]
    [InlineData("secrets/a")]
    [InlineData("uploads/a\u0000b")]
    [InlineData("uploads/a\r\nb")]
    [InlineData("uploads//a")]
    [InlineData("uploads")]
    public async Task Refuses_paths_that_could_escape_the_store(string path)
    {
        IReportStore store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteBytesAsync(path, new byte[] { 1 }, WriteCondition.Overwrite));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetInfoAsync(path));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(path));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(path));
    }

    private sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 7919));

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
