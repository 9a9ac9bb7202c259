using MimeKit;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Infrastructure.Mail;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Delivery;

[Collection(IntegrationFixtures.Name)]
public sealed class SmtpMailSenderTests : IAsyncLifetime
{
    private readonly SmtpFixture _smtp;

    public SmtpMailSenderTests(SmtpFixture smtp)
    {
        _smtp = smtp;
    }

    public async Task InitializeAsync()
    {
        await _smtp.ResetAsync();
    }

    public async Task DisposeAsync()
    {
        await _smtp.ResetAsync();
    }

    private static OutgoingMail Briefing(string recipient = "shuji@pingxiang.example") => BriefingMail.Create(
        new ReportingOptions { Delivery = new DeliveryOptions { From = SmtpFixture.UserName, FromName = "萍乡市重大项目推进办公室" } },
        new BriefingMailContent
        {
            Period = new ReportingPeriod(2022, 12),
            IssueNumber = 12,
            Headlines = ["全市七大领域380项重大项目完成年计划投资的134.8%。"],
            Pdf = "%PDF-1.7\n%%EOF\n"u8.ToArray(),
        },
        recipient);

    [Fact]
    public async Task Delivers_over_starttls_with_authentication_and_chinese_names_intact()
    {
        OutgoingMail message = Briefing();

        string id = await _smtp.CreateSender().SendAsync(message);

        CapturedMail mail = Assert.Single(_smtp.Messages);
        Assert.True(mail.Secure, "the session was upgraded with STARTTLS");
        Assert.Equal(SmtpFixture.UserName, mail.User);
        Assert.Equal(["shuji@pingxiang.example"], mail.EnvelopeTo);
        Assert.Equal(id, mail.Message.MessageId);
        Assert.Equal("萍乡市重大项目推进情况简报（2022年第12期）", mail.Message.Subject);
        Assert.Equal("萍乡市重大项目推进情况简报（2022年第12期）.pdf", Assert.Single(mail.Message.Attachments.OfType<MimePart>()).FileName);
        Assert.Contains("134.8%", mail.Message.TextBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sends_without_tls_or_authentication_when_configured_so()
    {
        SmtpOptions options = _smtp.Options;
        options.Security = SmtpSecurity.None;
        options.UserName = null;
        options.Password = null;

        await new SmtpMailSender(options).SendAsync(Briefing());

        CapturedMail mail = Assert.Single(_smtp.Messages);
        Assert.False(mail.Secure);
        Assert.Null(mail.User);
    }

    [Fact]
    public async Task A_wrong_password_fails_with_the_reason_and_never_the_password()
    {
        SmtpOptions options = _smtp.Options;
        options.Password = "wrong-secret-Pa55";
        var logger = new ListLogger<SmtpMailSender>();

        MailDeliveryException failure = await Assert.ThrowsAsync<MailDeliveryException>(
            () => new SmtpMailSender(options, logger).SendAsync(Briefing()));

        Assert.Contains("authentication as 'reporting@pingxiang.example' failed", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-Pa55", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-Pa55", failure.ToString(), StringComparison.Ordinal);
        Assert.All(logger.Lines, line => Assert.DoesNotContain("wrong-secret-Pa55", line, StringComparison.Ordinal));
        Assert.NotEmpty(logger.Lines);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task An_untrusted_certificate_is_refused()
    {
        SmtpOptions options = _smtp.Options;
        options.CertificateSha256 = null;

        MailDeliveryException failure = await Assert.ThrowsAsync<MailDeliveryException>(() => new SmtpMailSender(options).SendAsync(Briefing()));

        Assert.StartsWith("TLS handshake with 127.0.0.1:", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task A_pin_for_another_certificate_is_refused()
    {
        SmtpOptions options = _smtp.Options;
        options.CertificateSha256 = new string('A', 64);

        MailDeliveryException failure = await Assert.ThrowsAsync<MailDeliveryException>(() => new SmtpMailSender(options).SendAsync(Briefing()));

        Assert.StartsWith("TLS handshake with 127.0.0.1:", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task A_transient_rejection_is_reported_with_its_smtp_code()
    {
        _smtp.Mode = SmtpMode.RejectTransient;

        MailDeliveryException failure = await Assert.ThrowsAsync<MailDeliveryException>(() => _smtp.CreateSender().SendAsync(Briefing()));

        Assert.StartsWith("SMTP 451 from 127.0.0.1:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_down_is_reported_as_unreachable()
    {
        await _smtp.StopAsync();

        MailDeliveryException failure = await Assert.ThrowsAsync<MailDeliveryException>(() => _smtp.CreateSender().SendAsync(Briefing()));

        Assert.Equal($"cannot connect to 127.0.0.1:{_smtp.Port}: ConnectionRefused", failure.Message);
    }
}
