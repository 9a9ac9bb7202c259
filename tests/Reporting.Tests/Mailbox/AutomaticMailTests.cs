using Reporting.Core.Mailbox;

namespace Reporting.Tests.Mailbox;

/// <summary>The loop rules: what is never answered (README.md, "Automatic mail").</summary>
public sealed class AutomaticMailTests
{
    private static readonly string[] s_own = ["baosong@pingxiang.gov.cn", "briefing@pingxiang.gov.cn"];

    private static IncomingMessage Message(string from = "clerk@anyuan.gov.cn", string mediaType = "multipart/mixed", params (string Name, string Value)[] headers) => new()
    {
        Handle = "1",
        From = [from],
        MediaType = mediaType,
        Headers = [.. headers.Select(h => new MailHeader(h.Name, h.Value))],
    };

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("Auto-Submitted", "auto-generated")]
    [InlineData("Auto-Submitted", "Auto-Notified; owner-email=\"x@y\"")]
    [InlineData("Precedence", "bulk")]
    [InlineData("Precedence", "Junk")]
    [InlineData("Precedence", "list")]
    [InlineData("Precedence", "auto_reply")]
    [InlineData("X-Autoreply", "yes")]
    [InlineData("X-Autorespond", "vacation")]
    [InlineData("List-Id", "<baosong.list.example>")]
    [InlineData("Return-Path", "<>")]
    public void A_header_that_marks_a_program_makes_the_message_automatic(string name, string value) =>
        Assert.Equal(MailOrigin.Automatic, AutomaticMail.Classify(Message(headers: (name, value)), s_own));

    [Theory]
    [InlineData("Auto-Submitted", "no")]
    [InlineData("Auto-Submitted", " No ")]
    [InlineData("Precedence", "normal")]
    [InlineData("Return-Path", "<clerk@anyuan.gov.cn>")]
    public void A_persons_message_stays_a_persons(string name, string value) =>
        Assert.Equal(MailOrigin.Person, AutomaticMail.Classify(Message(headers: (name, value)), s_own));

    [Theory]
    [InlineData("MAILER-DAEMON@mx.anyuan.gov.cn", "multipart/mixed")]
    [InlineData("postmaster@anyuan.gov.cn", "multipart/mixed")]
    [InlineData("clerk@anyuan.gov.cn", "multipart/report")]
    public void Bounces_and_delivery_reports_are_automatic(string from, string mediaType) =>
        Assert.Equal(MailOrigin.Automatic, AutomaticMail.Classify(Message(from, mediaType), s_own));

    [Theory]
    [InlineData("baosong@pingxiang.gov.cn")]
    [InlineData("Briefing@PINGXIANG.gov.cn")]
    public void Mail_from_our_own_addresses_is_ours_whatever_else_it_says(string from) =>
        Assert.Equal(MailOrigin.Own, AutomaticMail.Classify(Message(from, headers: ("Auto-Submitted", "no")), s_own));

    [Fact]
    public void The_reason_is_recorded_for_the_office() =>
        Assert.Equal("Auto-Submitted: auto-replied", AutomaticMail.Why(Message(headers: ("Auto-Submitted", "auto-replied; owner=x"))));
}
