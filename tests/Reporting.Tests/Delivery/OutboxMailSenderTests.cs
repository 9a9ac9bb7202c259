using MimeKit;
using Reporting.Core.Delivery;
using Reporting.Core.Storage;
using Reporting.Infrastructure.Mail;
using Reporting.Tests.Storage;

namespace Reporting.Tests.Delivery;

public sealed class OutboxMailSenderTests : IDisposable
{
    private readonly TempFolders _folders = new("reporting-outbox");

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task Writes_the_message_as_an_eml_file_named_by_recipient_and_message_id()
    {
        var store = new FolderReportStore(_folders.Create());
        var message = new OutgoingMail
        {
            From = "briefing@pingxiang.example",
            To = "Shuji@Pingxiang.example",
            Subject = "萍乡市重大项目推进情况简报（2022年第12期）",
            Body = "正文",
            MessageId = "abc.123@reporting",
        };

        string id = await new OutboxMailSender(store).SendAsync(message);
        await new OutboxMailSender(store).SendAsync(message);

        Assert.Equal("abc.123@reporting", id);
        List<string> files = [];
        await foreach (StoredObject item in store.ListAsync("outbox/"))
        {
            files.Add(item.Path);
        }

        Assert.Equal(["outbox/shuji@pingxiang.example/abc.123@reporting.eml"], files);
        MimeMessage read = await MimeMessage.LoadAsync(new MemoryStream((await store.ReadBytesAsync(files[0]))!));
        Assert.Equal("萍乡市重大项目推进情况简报（2022年第12期）", read.Subject);
    }
}
