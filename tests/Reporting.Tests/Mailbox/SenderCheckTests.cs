using Reporting.Core.Configuration;
using Reporting.Core.Mailbox;

namespace Reporting.Tests.Mailbox;

/// <summary>Who a message is from and whether it counts: the decision table in README.md, row by row.</summary>
public sealed class SenderCheckTests
{
    private const string Ours = "mx.pingxiang.gov.cn";
    private const string Clerk = "clerk@anyuan.gov.cn";

    private static ReportingOptions Options(string? authServId = Ours, string? xiangdongSenders = null)
    {
        var options = new ReportingOptions
        {
            Departments =
            [
                new DepartmentOptions { Id = "anyuan", Name = "安源区", Contact = Clerk },
                new DepartmentOptions { Id = "xiangdong", Name = "湘东区", Contact = "clerk@xiangdong.gov.cn" },
            ],
        };
        options.Mailbox.AuthServId = authServId;
        options.Mailbox.Senders["anyuan"] = "deputy@anyuan.gov.cn; zhang@anyuan.gov.cn";
        if (xiangdongSenders is not null)
        {
            options.Mailbox.Senders["xiangdong"] = xiangdongSenders;
        }

        return options;
    }

    private static IncomingMessage Message(string from, params string[] authenticationResults) => new()
    {
        Handle = "1",
        From = [from],
        Headers = [.. authenticationResults.Select(v => new MailHeader("Authentication-Results", v))],
    };

    public static TheoryData<string, string[], SenderStanding, string> Rows => new()
    {
        { Clerk, [$"{Ours}; spf=pass smtp.mailfrom={Clerk}"], SenderStanding.Department, "SPF passed for the From domain" },
        { Clerk, [$"{Ours}; spf=fail smtp.mailfrom={Clerk}; dkim=pass header.d=anyuan.gov.cn"], SenderStanding.Department, "DKIM passed although SPF failed (a forwarding hop)" },
        { Clerk, [$"{Ours}; dmarc=pass header.from=anyuan.gov.cn"], SenderStanding.Department, "DMARC passed (aligned SPF or DKIM, relaxed)" },
        { Clerk, [$"{Ours.ToUpperInvariant()}; dkim=pass header.i=@ANYUAN.gov.cn"], SenderStanding.Department, "case-insensitive; header.i" },
        { "Deputy@Anyuan.gov.cn", [$"{Ours}; spf=pass smtp.mailfrom=deputy@anyuan.gov.cn"], SenderStanding.Department, "a listed second clerk, any case" },
        { Clerk, [$"{Ours}; spf=pass smtp.mailfrom=bounce@mailer.example"], SenderStanding.NotAuthenticated, "SPF passed for another domain" },
        { Clerk, [$"{Ours}; dkim=pass header.d=gov.cn"], SenderStanding.NotAuthenticated, "DKIM for a parent domain is not the From domain" },
        { Clerk, [$"{Ours}; spf=softfail smtp.mailfrom={Clerk}; dkim=none"], SenderStanding.NotAuthenticated, "softfail and no signature" },
        { Clerk, [], SenderStanding.NotAuthenticated, "no verdict at all" },
        { Clerk, [$"mx.forger.example; spf=pass smtp.mailfrom={Clerk}; dkim=pass header.d=anyuan.gov.cn"], SenderStanding.NotAuthenticated, "a pass from another authserv-id" },
        { Clerk, [$"{Ours}; spf=fail smtp.mailfrom={Clerk}", $"{Ours}; spf=pass smtp.mailfrom={Clerk}"], SenderStanding.NotAuthenticated, "a forged pass below the real fail" },
        { Clerk, [$"{Ours}; dkim=none", $"{Ours}; dkim=pass header.d=anyuan.gov.cn"], SenderStanding.NotAuthenticated, "a forged DKIM pass next to 'no signature'" },
        { Clerk, [$"{Ours}; spf=pass smtp.mailfrom={Clerk}; spf=none smtp.helo=mail.anyuan.gov.cn"], SenderStanding.Department, "an SPF check of HELO is another evaluation" },
        { Clerk, [$"{Ours}; dkim=pass header.d=anyuan.gov.cn; dkim=fail header.d=list.example"], SenderStanding.Department, "a second, broken signature of another domain" },
        { "stranger@qq.example", [$"{Ours}; spf=pass smtp.mailfrom=stranger@qq.example"], SenderStanding.UnknownSender, "authenticated, but nobody's address" },
        { "clerk@anyuan.gov.cn.evil.example", [$"{Ours}; spf=pass smtp.mailfrom=clerk@anyuan.gov.cn.evil.example"], SenderStanding.UnknownSender, "a look-alike address" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Decides_whether_a_message_counts_for_a_department(string from, string[] authenticationResults, SenderStanding standing, string because)
    {
        SenderVerdict verdict = new SenderCheck(Options()).Check(Message(from, authenticationResults));

        Assert.True(standing == verdict.Standing, $"{because}: expected {standing}, got {verdict.Standing} ({verdict.Explanation})");
        Assert.Equal(standing == SenderStanding.Department ? "anyuan" : null, verdict.DepartmentId);
    }

    [Fact]
    public void An_address_listed_for_two_departments_counts_for_neither_and_names_both()
    {
        SenderVerdict verdict = new SenderCheck(Options(xiangdongSenders: Clerk)).Check(Message(Clerk, $"{Ours}; spf=pass smtp.mailfrom={Clerk}"));

        Assert.Equal(SenderStanding.SeveralDepartments, verdict.Standing);
        Assert.Equal(["anyuan", "xiangdong"], verdict.Candidates);
        Assert.Contains("同时登记为安源区、湘东区的报送邮箱", verdict.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(Clerk + ",deputy@anyuan.gov.cn")]
    [InlineData("not an address")]
    public void A_message_without_exactly_one_sender_address_counts_for_nobody(string addresses)
    {
        string[] from = addresses.Length == 0 ? [] : addresses.Split(',');
        var message = new IncomingMessage { Handle = "1", From = from, Headers = [new("Authentication-Results", $"{Ours}; spf=pass smtp.mailfrom={Clerk}")] };

        Assert.Equal(SenderStanding.NoSingleSender, new SenderCheck(Options()).Check(message).Standing);
    }

    [Fact]
    public void Without_the_offices_authserv_id_nothing_is_believed()
    {
        SenderVerdict verdict = new SenderCheck(Options(authServId: null)).Check(Message(Clerk, $"{Ours}; spf=pass smtp.mailfrom={Clerk}"));

        Assert.Equal(SenderStanding.NotAuthenticated, verdict.Standing);
        Assert.Contains("Reporting:Mailbox:AuthServId", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_office_reads_why_a_message_was_not_believed()
    {
        SenderVerdict verdict = new SenderCheck(Options()).Check(Message(Clerk, $"{Ours}; spf=fail smtp.mailfrom={Clerk}; dkim=none"));

        Assert.Equal(
            $"发件人 {Clerk} 是安源区登记的报送邮箱，但收件服务器 {Ours} 未确认发信域名 anyuan.gov.cn 的 SPF 或 DKIM 验证通过（spf=fail (anyuan.gov.cn)；dkim=none），可能是冒用该地址。",
            verdict.Explanation);
    }
}
