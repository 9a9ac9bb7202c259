using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using Reporting.Core.Configuration;
using Reporting.Infrastructure.Mail;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Reporting.IntegrationTests.Infrastructure;

/// <summary>How the loopback SMTP server answers a message.</summary>
public enum SmtpMode
{
    Accept,

    /// <summary>451: a transient failure (greylisting, a full queue).</summary>
    RejectTransient,

    /// <summary>554: the transaction failed for good.</summary>
    RejectPermanent,
}

/// <summary>One message as the server received it, parsed back by MimeKit.</summary>
public sealed record CapturedMail(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, MimeMessage Message, byte[] Raw, string? User, bool Secure);

/// <summary>
/// A real SMTP server (the SmtpServer package) in-process on 127.0.0.1: STARTTLS with a
/// self-signed certificate the tests pin, AUTH only over TLS with one known account, every
/// message captured and parsed. <see cref="Mode"/> and <see cref="StopAsync"/> simulate outages.
/// </summary>
public sealed class SmtpFixture : IAsyncLifetime, IDisposable
{
    public const string UserName = "reporting@pingxiang.example";
    public const string Password = "correct horse battery staple";

    private readonly ConcurrentQueue<CapturedMail> _messages = new();
    private int? _goDownAt;
    private int _attempts;
    private Task? _stopping;
    private X509Certificate2 _certificate = null!;
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;

    public int Port { get; private set; }

    public SmtpMode Mode { get; set; } = SmtpMode.Accept;

    /// <summary>
    /// The server goes down while this message (1-based, counted from now) is being handed over: it answers
    /// 421 and stops listening, so the rest of the run finds it unreachable. Null: never.
    /// </summary>
    public int? GoDownAtMessage
    {
        get => _goDownAt;
        set
        {
            _goDownAt = value;
            Interlocked.Exchange(ref _attempts, 0);
        }
    }

    public IReadOnlyList<CapturedMail> Messages => _messages.ToArray();

    /// <summary>SHA-256 fingerprint of this server's self-signed certificate, as an office would configure it.</summary>
    public string CertificateSha256 => Convert.ToHexString(_certificate.GetCertHash(HashAlgorithmName.SHA256));

    /// <summary>Options for this server: STARTTLS and AUTH, as in production, with its certificate pinned.</summary>
    public SmtpOptions Options => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        Security = SmtpSecurity.StartTls,
        UserName = UserName,
        Password = Password,
        CertificateSha256 = CertificateSha256,
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>The same settings as configuration keys (Reporting:Delivery:Smtp:…).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings(string prefix = "Reporting:Delivery:Smtp:") =>
    [
        new(prefix + "Host", "127.0.0.1"),
        new(prefix + "Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(prefix + "Security", "StartTls"),
        new(prefix + "UserName", UserName),
        new(prefix + "Password", Password),
        new(prefix + "CertificateSha256", CertificateSha256),
        new(prefix + "Timeout", "00:00:10"),
    ];

    public SmtpMailSender CreateSender() => new(Options);

    public void Clear() => _messages.Clear();

    /// <summary>What every test starts from (the fixture is shared by the whole collection): running, accepting, no outage planned, nothing captured.</summary>
    public async Task ResetAsync()
    {
        await StartAsync();
        Mode = SmtpMode.Accept;
        GoDownAtMessage = null;
        Clear();
    }

    public async Task InitializeAsync()
    {
        _certificate = CreateCertificate();
        Port = FreePort();
        await StartAsync();
    }

    public async Task StartAsync()
    {
        // A stop begun by GoDownAtMessage finishes first, or it would take down the server started here.
        if (Interlocked.Exchange(ref _stopping, null) is Task stopping)
        {
            await stopping;
        }

        if (_server is not null)
        {
            return;
        }

        ISmtpServerOptions options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint
                .Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                .Certificate(_certificate)
                .AllowUnsecureAuthentication(false)
                .AuthenticationRequired(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CapturingStore(this));
        services.Add(new KnownUser());
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
        await WaitUntilListeningAsync();
    }

    /// <summary>Stops listening: connections are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        _server.Shutdown();
        await _stop!.CancelAsync();
        try
        {
            await _running!.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Expected on cancellation.
        }

        _stop.Dispose();
        _server = null;
        _running = null;
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        Dispose();
    }

    public void Dispose()
    {
        _stop?.Dispose();
        _certificate?.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));

        // Round-trip through PKCS#12 so SslStream gets a private key it can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    private sealed class CapturingStore(SmtpFixture fixture) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref fixture._attempts) == fixture._goDownAt)
            {
                fixture._goDownAt = null;

                // No new connection from here on (this session still answers 421); the rest of the stop runs aside.
                fixture._server?.Shutdown();
                fixture._stopping = Task.Run(fixture.StopAsync, CancellationToken.None);
                return Task.FromResult(new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "Service not available, closing transmission channel"));
            }

            switch (fixture.Mode)
            {
                case SmtpMode.RejectTransient:
                    return Task.FromResult(new SmtpResponse(SmtpReplyCode.Aborted, "Requested action aborted: local error in processing"));
                case SmtpMode.RejectPermanent:
                    return Task.FromResult(new SmtpResponse(SmtpReplyCode.TransactionFailed, "Transaction failed"));
            }

            byte[] raw = buffer.ToArray();
            using var stream = new MemoryStream(raw, writable: false);
            MimeMessage message = MimeMessage.Load(stream, cancellationToken);
            fixture._messages.Enqueue(new CapturedMail(
                $"{transaction.From.User}@{transaction.From.Host}",
                transaction.To.Select(t => $"{t.User}@{t.Host}").ToArray(),
                message,
                raw,
                context.Authentication.IsAuthenticated ? context.Authentication.User : null,
                context.Pipe.IsSecure));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class KnownUser : UserAuthenticator
    {
        public override Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
            Task.FromResult(user == UserName && password == Password);
    }
}
