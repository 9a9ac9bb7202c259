using Microsoft.Extensions.Configuration;
using Reporting.Core.Configuration;

namespace Reporting.Tests.Mailbox;

/// <summary>A mistake in the mailbox's settings fails at start-up naming the setting, never at the first message.</summary>
public sealed class MailboxOptionsTests
{
    private static ReportingOptions Bind(Dictionary<string, string?> settings) =>
        ReportingConfiguration.Bind(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Reporting:Departments:0:Id"] = "anyuan",
                ["Reporting:Departments:0:Name"] = "安源区",
                ["Reporting:Contacts:anyuan"] = "anyuan@fgw.pingxiang.example",
            })
            .AddInMemoryCollection(settings)
            .Build());

    [Theory]
    [InlineData("Reporting:Mailbox:Senders:nowhere", "a@b.example", "Mailbox.Senders names department 'nowhere'")]
    [InlineData("Reporting:Mailbox:Senders:anyuan", "刘文书 <liu@anyuan.example>", "Mailbox.Senders.anyuan: '刘文书' is not one e-mail address")]
    [InlineData("Reporting:Mailbox:Imap:Host", "imap.pingxiang.example", "Mailbox.AuthServId is required with Mailbox.Imap.Host")]
    [InlineData("Reporting:Mailbox:MaxMessagesPerRun", "0", "Mailbox.MaxMessagesPerRun (0) must be at least 1")]
    public void A_wrong_setting_fails_naming_it(string key, string value, string message)
    {
        InvalidOperationException failure = Assert.Throws<InvalidOperationException>(() => Bind(new() { [key] = value, ["Reporting:Mailbox:AuthServId"] = key.EndsWith("Host", StringComparison.Ordinal) ? null : "mx.example" }));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Handled_mail_may_not_go_back_into_the_folder_that_is_read()
    {
        InvalidOperationException failure = Assert.Throws<InvalidOperationException>(() => Bind(new()
        {
            ["Reporting:Mailbox:Imap:Host"] = "imap.pingxiang.example",
            ["Reporting:Mailbox:AuthServId"] = "mx.pingxiang.example",
            ["Reporting:Mailbox:ProcessedFolder"] = "inbox",
        }));

        Assert.Contains("must be named and differ from Mailbox.Folder", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Senders_are_several_addresses_per_department_and_our_own_addresses_are_known()
    {
        ReportingOptions options = Bind(new()
        {
            ["Reporting:Mailbox:Senders:anyuan"] = "liu@anyuan.example; chen@anyuan.example,\nwang@anyuan.example",
            ["Reporting:Mailbox:Imap:UserName"] = "baosong@pingxiang.example",
            ["Reporting:Delivery:From"] = "briefing@pingxiang.example",
        });

        Assert.Equal(["liu@anyuan.example", "chen@anyuan.example", "wang@anyuan.example"], options.Mailbox.SendersOf("anyuan"));
        Assert.Equal(["baosong@pingxiang.example", "briefing@pingxiang.example"], options.Mailbox.OwnAddresses(options.Delivery).Order());
        Assert.Equal("baosong@pingxiang.example", options.Mailbox.ReplyAddress);
        Assert.False(options.Mailbox.IsConfigured);
    }
}
