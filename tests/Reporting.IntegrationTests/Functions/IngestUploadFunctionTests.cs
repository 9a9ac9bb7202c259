using System.Text;
using MimeKit;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;
using Reporting.Functions;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Functions;

[Collection(IntegrationFixtures.Name)]
public sealed class IngestUploadFunctionTests(AzuriteFixture azurite, SmtpFixture smtp) : FunctionHostTests(azurite, smtp, UploadTime)
{
    [Fact]
    public async Task An_upload_becomes_a_dataset_a_ledger_row_and_a_receipt_and_the_same_upload_again_changes_nothing()
    {
        (string name, byte[] content) = Samples.Projects(Host.Options);
        Azure.Storage.Blobs.BlobClient blob = await Host.UploadAsync("anyuan", name, content);
        IngestUploadFunction function = Host.Create<IngestUploadFunction>();

        await function.RunAsync(blob, "anyuan", name, CancellationToken.None);
        List<StoredObject> afterFirst = await EverythingAsync();
        List<LedgerRow<SubmissionRecord>> ledgerAfterFirst = await Host.RowsAsync<SubmissionRecord>(LedgerTables.Submissions);
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        await Host.Create<IngestUploadFunction>().RunAsync(blob, "anyuan", name, CancellationToken.None);

        StoredObject dataset = Assert.Single(afterFirst, o => o.Path == "datasets/2022-12/anyuan/projects.json");
        Assert.Contains(afterFirst, o => o.Path.StartsWith("archive/originals/anyuan/", StringComparison.Ordinal));
        SubmissionRecord record = Assert.Single(ledgerAfterFirst).Value;
        Assert.True(record.IsAccepted);
        Assert.Equal("uploads/anyuan/" + name, record.UploadPath);
        Assert.Equal(Samples.Period, record.Period);
        Assert.True(record.ProjectCount > 0);

        CapturedMail receipt = Assert.Single(Smtp.Messages);
        Assert.Equal(["anyuan@fgw.pingxiang.example"], receipt.EnvelopeTo);
        Assert.StartsWith("【已受理", receipt.Message.Subject, StringComparison.Ordinal);
        Assert.Contains(name, receipt.Message.TextBody!, StringComparison.Ordinal);
        Assert.Contains($"共{record.ProjectCount}条记录", receipt.Message.TextBody!, StringComparison.Ordinal);

        Assert.Equal(Describe(afterFirst), Describe(await EverythingAsync()));
        Assert.Equal(ledgerAfterFirst.Select(r => r.ETag), (await Host.RowsAsync<SubmissionRecord>(LedgerTables.Submissions)).Select(r => r.ETag));
        Assert.Equal(dataset.ETag, (await Host.Stores.Store.GetInfoAsync(dataset.Path))!.ETag);
        Assert.Single(Smtp.Messages);
    }

    [Fact]
    public async Task Every_bundled_sample_is_accepted_through_the_blob_trigger_and_answered()
    {
        IReadOnlyList<(string Department, string Path)> samples = Samples.Bundled();

        foreach ((string department, string path) in samples)
        {
            string name = Path.GetFileName(path);
            Azure.Storage.Blobs.BlobClient blob = await Host.UploadAsync(department, name, await File.ReadAllBytesAsync(path));
            await Host.Create<IngestUploadFunction>().RunAsync(blob, department, name, CancellationToken.None);
        }

        List<LedgerRow<SubmissionRecord>> rows = await Host.RowsAsync<SubmissionRecord>(LedgerTables.Submissions);
        Assert.Equal(samples.Count, rows.Count);
        Assert.All(rows, r => Assert.True(r.Value.IsAccepted, $"{r.Value.FileName}: {r.Value.Status} {r.Value.FindingsJson}"));
        Assert.Equal(samples.Select(s => s.Department).Order(), (await Host.ListAsync("datasets/2022-12/")).Select(o => o.Path.Split('/')[2]).Order());
        Assert.Equal(
            samples.Select(s => Host.Options.FindDepartment(s.Department)!.Contact).Order(),
            Smtp.Messages.SelectMany(m => m.EnvelopeTo).Order());
        Assert.All(Smtp.Messages, m => Assert.StartsWith("【已受理", m.Message.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broken_upload_is_archived_recorded_and_answered_with_the_annotated_workbook()
    {
        byte[] content = Samples.WithNegativeInvestment(Host.Options);
        Azure.Storage.Blobs.BlobClient blob = await Host.UploadAsync("anyuan", "安源区12月调度表（有误）.xlsx", content);

        await Host.Create<IngestUploadFunction>().RunAsync(blob, "anyuan", "安源区12月调度表（有误）.xlsx", CancellationToken.None);

        List<StoredObject> stored = await EverythingAsync();
        StoredObject archived = Assert.Single(stored, o => o.Path.StartsWith("archive/", StringComparison.Ordinal));
        Assert.Equal(content, await Host.Stores.Store.ReadBytesAsync(archived.Path));
        Assert.DoesNotContain(stored, o => o.Path.StartsWith("datasets/", StringComparison.Ordinal));
        StoredObject annotated = Assert.Single(stored, o => o.Path.StartsWith("rejected/anyuan/", StringComparison.Ordinal));
        SubmissionRecord record = Assert.Single(await Host.RowsAsync<SubmissionRecord>(LedgerTables.Submissions)).Value;
        Assert.Equal(SubmissionResult.Rejected, record.Status);
        Finding error = Assert.Single(record.ReadFindings(), f => f.RuleId == RuleIds.ValueNegative);

        CapturedMail mail = Assert.Single(Smtp.Messages);
        Assert.Equal(["anyuan@fgw.pingxiang.example"], mail.EnvelopeTo);
        Assert.StartsWith("【未通过，请修改后重报】安源区", mail.Message.Subject, StringComparison.Ordinal);
        Assert.Contains(error.Cell!, mail.Message.TextBody!, StringComparison.Ordinal);
        Assert.Contains(RuleIds.ValueNegative, mail.Message.TextBody!, StringComparison.Ordinal);
        MimePart attachment = Assert.Single(mail.Message.Attachments.OfType<MimePart>());
        Assert.Equal("安源区12月调度表（有误）（错误标注）.xlsx", attachment.FileName);
        using var attached = new MemoryStream();
        attachment.Content!.DecodeTo(attached);
        Assert.Equal(await Host.Stores.Store.ReadBytesAsync(annotated.Path), attached.ToArray());
    }

    [Fact]
    public async Task An_unreadable_upload_is_still_archived_and_answered()
    {
        byte[] content = Encoding.UTF8.GetBytes("这不是一个工作簿");
        Azure.Storage.Blobs.BlobClient blob = await Host.UploadAsync("luxi", "芦溪县.xlsx", content);

        await Host.Create<IngestUploadFunction>().RunAsync(blob, "luxi", "芦溪县.xlsx", CancellationToken.None);

        Assert.Single(await Host.ListAsync("archive/"));
        Assert.Equal(SubmissionResult.Rejected, Assert.Single(await Host.RowsAsync<SubmissionRecord>(LedgerTables.Submissions)).Value.Status);
        CapturedMail mail = Assert.Single(Smtp.Messages);
        Assert.Equal(["luxi@fgw.pingxiang.example"], mail.EnvelopeTo);
        Assert.StartsWith("【未通过", mail.Message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receipt_that_could_not_be_sent_is_sent_by_the_next_trigger_and_only_then()
    {
        (string name, byte[] content) = Samples.Signings(Host.Options);
        Azure.Storage.Blobs.BlobClient blob = await Host.UploadAsync("swj", name, content);
        await Smtp.StopAsync();

        await Host.Create<IngestUploadFunction>().RunAsync(blob, "swj", name, CancellationToken.None);
        DeliveryRecord failed = Assert.Single(await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, DeliveryService.ReceiptPartition("swj"))).Value;
        await Smtp.StartAsync();
        await Host.Create<IngestUploadFunction>().RunAsync(blob, "swj", name, CancellationToken.None);
        await Host.Create<IngestUploadFunction>().RunAsync(blob, "swj", name, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        CapturedMail mail = Assert.Single(Smtp.Messages);
        Assert.Equal(["zhaoshang@swj.pingxiang.example"], mail.EnvelopeTo);
        Assert.Equal(failed.MessageId, mail.Message.MessageId);
        Assert.Single(await Host.RowsAsync<SubmissionRecord>(LedgerTables.Submissions));
    }

    private async Task<List<StoredObject>> EverythingAsync()
    {
        List<StoredObject> all = [];
        foreach (string container in Containers.All)
        {
            all.AddRange(await Host.ListAsync(container + "/"));
        }

        return all;
    }

    private static List<string> Describe(IEnumerable<StoredObject> objects) => objects.Select(o => $"{o.Path} {o.ETag} {o.Length}").ToList();
}
