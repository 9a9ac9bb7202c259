using System.Globalization;
using System.Text;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Mailbox;

/// <summary>How an attachment's file name is written in its MIME header, as the mail clients departments use write it.</summary>
public enum NameEncoding
{
    /// <summary>RFC 2231 in UTF-8 (<c>filename*=utf-8''%E5%AE%89…</c>), what current clients write.</summary>
    Rfc2231Utf8,

    /// <summary>RFC 2231 in GB18030 (<c>filename*=gb18030''%B0%B2…</c>).</summary>
    Rfc2231Gb18030,

    /// <summary>RFC 2047 encoded words in GB18030 inside quotes (<c>name="=?GB18030?B?…?="</c>), what older Foxmail and Outlook write.</summary>
    Rfc2047Gb18030,

    /// <summary>Raw, undeclared GB18030 bytes in the quoted name: wrong, and still sent by old mail clients.</summary>
    RawGb18030,

    /// <summary>Plain ASCII name.</summary>
    Ascii,
}

/// <summary>
/// A raw MIME message written byte by byte, so a test controls exactly what a department's mail client and the
/// office's receiving server put in it: the Authentication-Results fields on top (as the server prepends them),
/// subject and file-name encodings, forwarded messages, automatic-mail headers.
/// </summary>
public sealed class TestMail
{
    /// <summary>2 January 2023, 09:55 in Beijing: a clerk mails 安源区's December report.</summary>
    public static readonly DateTimeOffset Sent = new(2023, 1, 2, 1, 55, 0, TimeSpan.Zero);

    private static readonly Encoding s_gb18030 = CreateGb18030();

    private readonly List<(string Name, string Value)> _top = [];
    private readonly List<(string Name, string Value)> _extra = [];
    private readonly List<Part> _parts = [];

    public string From { get; init; } = "anyuan@fgw.pingxiang.example";

    public string FromName { get; init; } = "安源区发改委";

    public string To { get; init; } = "baosong@pingxiang.example";

    public string Subject { get; init; } = "安源区2022年12月重大项目调度表";

    /// <summary>Write the subject as RFC 2047 GB18030 encoded words instead of UTF-8.</summary>
    public bool SubjectInGb18030 { get; init; }

    public DateTimeOffset Date { get; init; } = Sent;

    /// <summary>Without angle brackets; null writes no Message-Id.</summary>
    public string? MessageId { get; init; } = Guid.NewGuid().ToString("N") + "@fgw.pingxiang.example";

    public string? References { get; init; }

    public string Body { get; init; } = "您好，附件是本单位本月报表，请查收。";

    /// <summary>The receiving server's verdict: SPF, DKIM and DMARC passed for the sender's domain.</summary>
    public static string Passed(string address, string authServId = ImapFixture.AuthServId)
    {
        string domain = address[(address.IndexOf('@') + 1)..];
        return $"{authServId};\r\n\tspf=pass (sender SPF authorized) smtp.mailfrom={address};\r\n\tdkim=pass header.d={domain} header.s=mail;\r\n\tdmarc=pass (p=none) header.from={domain}";
    }

    public static string Failed(string address, string authServId = ImapFixture.AuthServId)
    {
        string domain = address[(address.IndexOf('@') + 1)..];
        return $"{authServId}; spf=fail smtp.mailfrom={address}; dkim=none; dmarc=fail header.from={domain}";
    }

    /// <summary>The message as the office's server stored it, with its verdict that SPF and DKIM passed.</summary>
    public static TestMail Authenticated(string subject = "安源区2022年12月重大项目调度表", string from = "anyuan@fgw.pingxiang.example") =>
        new TestMail { Subject = subject, From = from }.WithAuthenticationResults(Passed(from));

    /// <summary>Adds an Authentication-Results field above the others (the receiving server prepends).</summary>
    public TestMail WithAuthenticationResults(string value)
    {
        _top.Insert(0, ("Authentication-Results", value));
        return this;
    }

    /// <summary>Adds a header field among the sender's own (below Received): Auto-Submitted, Precedence, a forged Authentication-Results…</summary>
    public TestMail WithHeader(string name, string value)
    {
        _extra.Add((name, value));
        return this;
    }

    public TestMail Attach(string fileName, byte[] content, string mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", NameEncoding encoding = NameEncoding.Rfc2231Utf8, bool inline = false)
    {
        _parts.Add(new Part(fileName, content, mediaType, encoding, inline, Forwarded: null));
        return this;
    }

    /// <summary>Attaches another message whole (message/rfc822): a forwarded mail, or an .eml the clerk attached.</summary>
    public TestMail Forward(TestMail original)
    {
        _parts.Add(new Part("转发.eml", original.ToBytes(), "message/rfc822", NameEncoding.Ascii, Inline: false, original));
        return this;
    }

    public byte[] ToBytes()
    {
        var raw = new MemoryStream();
        foreach ((string name, string value) in _top)
        {
            Line(raw, $"{name}: {value}");
        }

        Line(raw, $"Received: from mail.fgw.pingxiang.example (mail.fgw.pingxiang.example [203.0.113.7]) by {ImapFixture.AuthServId} with ESMTPS; {Date.ToString("r", CultureInfo.InvariantCulture)}");
        foreach ((string name, string value) in _extra)
        {
            Line(raw, $"{name}: {value}");
        }

        Line(raw, $"From: =?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(FromName))}?= <{From}>");
        Line(raw, $"To: {To}");
        Line(raw, SubjectInGb18030 ? $"Subject: =?GB18030?B?{Convert.ToBase64String(s_gb18030.GetBytes(Subject))}?=" : $"Subject: =?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(Subject))}?=");
        Line(raw, $"Date: {Date.ToOffset(TimeSpan.FromHours(8)).ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)} +0800");
        if (MessageId is not null)
        {
            Line(raw, $"Message-ID: <{MessageId}>");
        }

        if (References is not null)
        {
            Line(raw, $"References: <{References}>");
            Line(raw, $"In-Reply-To: <{References}>");
        }

        Line(raw, "MIME-Version: 1.0");
        const string Boundary = "----=_Part_reporting_test";
        Line(raw, $"Content-Type: multipart/mixed; boundary=\"{Boundary}\"");
        Line(raw, string.Empty);
        Line(raw, $"--{Boundary}");
        Line(raw, "Content-Type: text/plain; charset=utf-8");
        Line(raw, "Content-Transfer-Encoding: base64");
        Line(raw, string.Empty);
        Base64(raw, Encoding.UTF8.GetBytes(Body));
        foreach (Part part in _parts)
        {
            Line(raw, $"--{Boundary}");
            if (part.Forwarded is not null)
            {
                Line(raw, "Content-Type: message/rfc822");
                Line(raw, "Content-Disposition: attachment; filename=\"forwarded.eml\"");
                Line(raw, string.Empty);
                raw.Write(part.Content);
                Line(raw, string.Empty);
                continue;
            }

            WriteNamedHeaders(raw, part);
            Line(raw, "Content-Transfer-Encoding: base64");
            Line(raw, string.Empty);
            Base64(raw, part.Content);
        }

        Line(raw, $"--{Boundary}--");
        return raw.ToArray();
    }

    private static void WriteNamedHeaders(MemoryStream raw, Part part)
    {
        string disposition = part.Inline ? "inline" : "attachment";
        switch (part.Encoding)
        {
            case NameEncoding.Rfc2231Utf8:
                Line(raw, $"Content-Type: {part.MediaType}");
                Line(raw, $"Content-Disposition: {disposition}; filename*=utf-8''{Uri.EscapeDataString(part.FileName)}");
                break;
            case NameEncoding.Rfc2231Gb18030:
                Line(raw, $"Content-Type: {part.MediaType}");
                Line(raw, $"Content-Disposition: {disposition}; filename*=gb18030''{PercentEncode(s_gb18030.GetBytes(part.FileName))}");
                break;
            case NameEncoding.Rfc2047Gb18030:
                string words = $"=?GB18030?B?{Convert.ToBase64String(s_gb18030.GetBytes(part.FileName))}?=";
                Line(raw, $"Content-Type: {part.MediaType}; name=\"{words}\"");
                Line(raw, $"Content-Disposition: {disposition}; filename=\"{words}\"");
                break;
            case NameEncoding.RawGb18030:
                raw.Write(Encoding.ASCII.GetBytes($"Content-Type: {part.MediaType}; name=\""));
                raw.Write(s_gb18030.GetBytes(part.FileName));
                Line(raw, "\"");
                raw.Write(Encoding.ASCII.GetBytes($"Content-Disposition: {disposition}; filename=\""));
                raw.Write(s_gb18030.GetBytes(part.FileName));
                Line(raw, "\"");
                break;
            default:
                Line(raw, $"Content-Type: {part.MediaType}; name=\"{part.FileName}\"");
                Line(raw, $"Content-Disposition: {disposition}; filename=\"{part.FileName}\"");
                break;
        }
    }

    private static string PercentEncode(byte[] bytes) =>
        string.Concat(bytes.Select(b => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'.' or (byte)'-' or (byte)'_' ? ((char)b).ToString() : $"%{b:X2}"));

    private static void Base64(MemoryStream raw, byte[] content)
    {
        string text = Convert.ToBase64String(content);
        for (int i = 0; i < text.Length; i += 76)
        {
            Line(raw, text.Substring(i, Math.Min(76, text.Length - i)));
        }
    }

    private static void Line(MemoryStream raw, string text)
    {
        raw.Write(Encoding.UTF8.GetBytes(text));
        raw.Write("\r\n"u8);
    }

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    private sealed record Part(string FileName, byte[] Content, string MediaType, NameEncoding Encoding, bool Inline, TestMail? Forwarded);
}
