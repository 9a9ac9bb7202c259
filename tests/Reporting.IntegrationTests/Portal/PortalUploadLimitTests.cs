using System.Net;
using System.Net.Sockets;
using System.Text;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Portal;

/// <summary>
/// The upload size limit (here Reporting:Ingestion:MaxUploadBytes = 1 MB) holds while the bytes arrive: a declared
/// size over it is refused before a byte of the body is read, a body without a declared size is cut off at the limit
/// (the client could not even send most of it), and a Content-Length that lies about the body is caught. The requests
/// are written on a raw socket so the test sees exactly what the server read and when it answered.
/// </summary>
[Collection(IntegrationFixtures.Name)]
public sealed class PortalUploadLimitTests(AzuriteFixture azurite, SmtpFixture smtp) : PortalTests(azurite, smtp)
{
    private const int Limit = 1024 * 1024;
    private const string Boundary = "----reporting-test-boundary";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Reporting:Ingestion:MaxUploadBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task A_declared_size_over_the_limit_is_refused_with_413_before_the_body_is_sent()
    {
        using PortalClient clerk = await Portal.Client().SignInAsync("anyuan");
        using TcpClient tcp = await ConnectAsync();
        NetworkStream stream = tcp.GetStream();

        // Headers only: a 50 MB body announced and never sent. The answer comes anyway.
        await stream.WriteAsync(Headers(clerk, "Content-Length: 50000000"));
        string answer = await ReadAnswerAsync(stream);
        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("文件超过1MB", answer, StringComparison.Ordinal);
        await AssertNothingIngestedAsync();
    }

    [Fact]
    public async Task A_streamed_body_over_the_limit_is_cut_off_at_the_limit_long_before_it_ends()
    {
        using PortalClient clerk = await Portal.Client().SignInAsync("anyuan");
        using TcpClient tcp = await ConnectAsync();
        tcp.SendBufferSize = 64 * 1024;
        tcp.SendTimeout = 10_000;
        Socket socket = tcp.Client;
        NetworkStream stream = tcp.GetStream();

        // Chunked: no size declared, so only counting while reading can stop it. 64 MB offered in 64 KB chunks.
        const long Offered = 64L * 1024 * 1024;
        await stream.WriteAsync(Headers(clerk, "Transfer-Encoding: chunked"));
        await stream.WriteAsync(Chunk(Encoding.UTF8.GetBytes(Prelude("big.xlsx"))));
        byte[] data = new byte[64 * 1024];
        Random.Shared.NextBytes(data);
        long sent = 0;
        string? failure = null;
        try
        {
            while (sent < Offered && !socket.Poll(0, SelectMode.SelectRead))
            {
                await stream.WriteAsync(Chunk(data));
                sent += data.Length;
            }
        }
        catch (IOException e)
        {
            // The server closed the connection on the rest of the body; what was sent is counted below.
            failure = e.Message;
        }

        string answer = await ReadAnswerAsync(stream);
        Assert.True(sent < 16L * 1024 * 1024, $"the client got {sent:N0} of {Offered:N0} bytes out before the server stopped reading");
        Assert.True(answer.StartsWith("HTTP/1.1 413", StringComparison.Ordinal), $"after {sent:N0} bytes ({failure}): {answer}");
        await AssertNothingIngestedAsync();
    }

    [Fact]
    public async Task A_content_length_smaller_than_the_body_is_caught_and_nothing_is_ingested()
    {
        using PortalClient clerk = await Portal.Client().SignInAsync("anyuan");
        using TcpClient tcp = await ConnectAsync();
        NetworkStream stream = tcp.GetStream();

        // Declares 200,000 bytes, then sends a 3 MB file: the server reads what was declared and no more, finds the form
        // cut short, and refuses it; the rest of the bytes never count as this upload.
        byte[] file = new byte[3 * 1024 * 1024];
        Random.Shared.NextBytes(file);
        byte[] body = [.. Encoding.UTF8.GetBytes(Prelude("lie.xlsx")), .. file, .. Encoding.UTF8.GetBytes($"\r\n--{Boundary}--\r\n")];
        await stream.WriteAsync(Headers(clerk, "Content-Length: 200000"));
        try
        {
            await stream.WriteAsync(body);
        }
        catch (IOException)
        {
            // The server may close before taking it all.
        }

        string answer = await ReadAnswerAsync(stream);
        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        await AssertNothingIngestedAsync();
        Assert.DoesNotContain(Portal.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_one_byte_over_the_limit_is_refused_and_one_at_the_limit_is_read()
    {
        using PortalClient clerk = await Portal.Client().SignInAsync("anyuan");
        using (HttpResponseMessage over = await clerk.UploadAsync("over.xlsx", new byte[Limit + 1]))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
            Assert.Contains("文件超过1MB", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await AssertNothingIngestedAsync();

        // At the limit the file is read (and, being zeros, rejected as no spreadsheet: an answer, not a refusal).
        PortalUpload at = await clerk.UploadJsonAsync("at.xlsx", new byte[Limit]);
        Assert.Equal("rejected", at.Status);
    }

    private async Task AssertNothingIngestedAsync()
    {
        Assert.Empty(await Portal.SubmissionsAsync());
        Assert.Empty(await Portal.ListAsync("archive/"));
        Assert.Empty(Smtp.Messages);
    }

    private async Task<TcpClient> ConnectAsync()
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Portal.Address.Port);
        tcp.ReceiveTimeout = 15_000;
        return tcp;
    }

    private byte[] Headers(PortalClient clerk, string framing) => Encoding.ASCII.GetBytes(
        $"POST /portal/api/uploads HTTP/1.1\r\nHost: 127.0.0.1:{Portal.Address.Port}\r\n"
        + $"Cookie: {clerk.Cookies.GetCookieHeader(Portal.Address)}\r\nX-CSRF-TOKEN: {clerk.Token}\r\nAccept: application/json\r\n"
        + $"Content-Type: multipart/form-data; boundary={Boundary}\r\n{framing}\r\n\r\n");

    private static string Prelude(string fileName) =>
        $"--{Boundary}\r\nContent-Disposition: form-data; name=\"period\"\r\n\r\n2022-12\r\n"
        + $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n";

    private static byte[] Chunk(byte[] data) =>
        [.. Encoding.ASCII.GetBytes($"{data.Length:x}\r\n"), .. data, .. "\r\n"u8];

    /// <summary>The response's status line, headers and as much of the body as arrives within a few seconds.</summary>
    private static async Task<string> ReadAnswerAsync(NetworkStream stream)
    {
        var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            while (true)
            {
                int read = await stream.ReadAsync(chunk, patience.Token);
                if (read == 0)
                {
                    break;
                }

                buffer.Write(chunk, 0, read);
                string text = Encoding.UTF8.GetString(buffer.ToArray());
                int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end >= 0 && HasWholeBody(text, end))
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && buffer.Length > 0)
        {
            // The server closed after answering: what arrived is the answer.
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static bool HasWholeBody(string text, int headersEnd)
    {
        string headers = text[..headersEnd];
        string? length = headers.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return length is null
            ? text.EndsWith("0\r\n\r\n", StringComparison.Ordinal)
            : Encoding.UTF8.GetByteCount(text[(headersEnd + 4)..]) >= int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
