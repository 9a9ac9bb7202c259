using System.Net;
using Reporting.Core.Mailbox;
using Reporting.Infrastructure;
using Reporting.IntegrationTests.Functions;
using Reporting.IntegrationTests.Infrastructure;
using Reporting.IntegrationTests.Portal;

namespace Reporting.IntegrationTests.Mailbox;

/// <summary>
/// The mail the reporting mailbox kept, in the office's portal: listed on 报送情况 with why it was kept, and assigned to a
/// department there, recorded under the signed-in name; the same operation as <c>reporting mailbox --assign</c>.
/// </summary>
[Collection(MailboxFixtures.Name)]
public sealed class MailboxPortalTests(AzuriteFixture azurite, SmtpFixture smtp, ImapFixture imap) : MailboxTests(azurite, smtp, imap)
{
    [Fact]
    public async Task The_office_sees_kept_mail_on_the_status_page_and_assigns_it_there_and_a_clerk_cannot()
    {
        (string name, byte[] content) = Samples.Projects(Host.Options);
        TestMail mail = new TestMail { From = "zhang.clerk@qq.example", Subject = "安源区12月报表（用个人邮箱发送）" }
            .WithAuthenticationResults(TestMail.Passed("zhang.clerk@qq.example"))
            .Attach(name, content);
        await DeliverAsync(mail);
        await RunAsync();
        Smtp.Clear();
        await using PortalFixture portal = await PortalFixture.StartAsync(Azurite, Smtp, new Dictionary<string, string?> { [ReportingStores.NamePrefixKey] = Host.NamePrefix });
        using PortalClient office = await portal.Client().SignInAsync("office");
        using PortalClient clerk = await portal.Client().SignInAsync("anyuan");

        string status = await office.GetStringAsync("/portal/office");
        using HttpResponseMessage refused = await clerk.PostFormAsync($"/portal/office/mailbox/{Key(mail)}/assign", new() { ["department"] = "anyuan" }, clerk.Token);
        using HttpResponseMessage assigned = await office.PostFormAsync(
            $"/portal/office/mailbox/{Key(mail)}/assign", new() { ["department"] = "anyuan" }, PortalClient.FormToken(status), portal.Origin.ToString().TrimEnd('/'));
        string answer = await assigned.Content.ReadAsStringAsync();
        string after = await office.GetStringAsync("/portal/office");

        Assert.Contains("报送邮箱待人工处理（1封）", status, StringComparison.Ordinal);
        Assert.Contains("zhang.clerk@qq.example", status, StringComparison.Ordinal);
        Assert.Contains("安源区12月报表（用个人邮箱发送）", status, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True(assigned.StatusCode == HttpStatusCode.OK, answer);
        Assert.Contains("已分配给安源区", answer, StringComparison.Ordinal);
        Assert.Contains("回执已发给该单位的联系邮箱", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("报送邮箱待人工处理", after, StringComparison.Ordinal);
        MailboxRecord record = await RecordAsync(mail);
        Assert.Equal((MailboxState.Assigned, "anyuan", "推进办（开发模式）"), (record.State, record.Department, record.AssignedBy));
        Assert.Contains(Smtp.Messages, m => m.EnvelopeTo.Contains(AnyuanClerk));
        Assert.DoesNotContain(Smtp.Messages, m => m.EnvelopeTo.Contains("zhang.clerk@qq.example"));
    }
}
