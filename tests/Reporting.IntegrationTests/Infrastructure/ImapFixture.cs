using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;
using Reporting.Infrastructure.Mail;

namespace Reporting.IntegrationTests.Infrastructure;

/// <summary>
/// A real IMAP server: Debian's dovecot (package dovecot-imapd), started by the tests on a free loopback port with a
/// throw-away configuration in a temp folder: IMAPS only, a self-signed certificate the client pins (as SmtpFixture's),
/// users in a passwd file, maildirs under the temp folder. Each test takes a mailbox of its own
/// (<see cref="CreateAccount"/>), so no test sees another's mail. Messages are delivered by APPENDing raw MIME, with
/// the Authentication-Results fields a receiving server would have added. When dovecot is not installed every test
/// that needs it fails with the command that installs it: integration tests are never skipped.
/// <see cref="StopAsync"/> and <see cref="StartAsync"/> simulate an outage (the mail stays on disk).
/// </summary>
public sealed class ImapFixture : IAsyncLifetime, IDisposable
{
    public const string DovecotPath = "/usr/sbin/dovecot";

    /// <summary>The authserv-id our "receiving server" writes; the office configures the same (Reporting:Mailbox:AuthServId).</summary>
    public const string AuthServId = "mx.pingxiang.example";

    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);

    private readonly object _passwdLock = new();
    private X509Certificate2 _certificate = null!;
    private DirectoryInfo? _root;
    private Process? _process;
    private int _accounts;

    public int Port { get; private set; }

    public string CertificateSha256 => Convert.ToHexString(_certificate.GetCertHash(HashAlgorithmName.SHA256));

    /// <summary>What dovecot logged (for a failing test's message).</summary>
    public string Log => _root is null || !File.Exists(LogPath) ? string.Empty : ReadShared(LogPath);

    private string LogPath => Path.Combine(_root!.FullName, "dovecot.log");

    private string PasswdPath => Path.Combine(_root!.FullName, "passwd");

    public async Task InitializeAsync()
    {
        if (!File.Exists(DovecotPath))
        {
            throw new InvalidOperationException(
                $"dovecot is not installed ({DovecotPath}). Run ./test.sh, which installs it, or `apt-get update && apt-get install -y dovecot-imapd` once.");
        }

        _certificate = CreateCertificate();
        _root = Directory.CreateTempSubdirectory("reporting-dovecot-");
        Port = FreePort();
        WriteConfiguration();
        await StartAsync();
    }

    /// <summary>A new, empty mailbox: its user name (an address) and password.</summary>
    public (string UserName, string Password) CreateAccount()
    {
        string user = $"office{Interlocked.Increment(ref _accounts)}@pingxiang.example";
        string password = "pw-" + Guid.NewGuid().ToString("N")[..12];
        lock (_passwdLock)
        {
            // dovecot reads the passwd file again when it changes: a new account works at once.
            File.AppendAllText(PasswdPath, $"{user}:{{PLAIN}}{password}::::::\n");
        }

        return (user, password);
    }

    /// <summary>The settings an office would write for this server and account (Reporting:Mailbox:…).</summary>
    public Dictionary<string, string?> Settings((string UserName, string Password) account, string prefix = "Reporting:Mailbox:") => new()
    {
        [prefix + "Imap:Host"] = "127.0.0.1",
        [prefix + "Imap:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        [prefix + "Imap:Security"] = "SslOnConnect",
        [prefix + "Imap:UserName"] = account.UserName,
        [prefix + "Imap:Password"] = account.Password,
        [prefix + "Imap:CertificateSha256"] = CertificateSha256,
        [prefix + "Imap:Timeout"] = "00:00:15",
        [prefix + "AuthServId"] = AuthServId,
    };

    /// <summary>Puts a message into a folder as the receiving server would (IMAP APPEND of the raw bytes); returns nothing until it is there.</summary>
    public async Task DeliverAsync((string UserName, string Password) account, byte[] raw, string folder = "INBOX", DateTimeOffset? arrivedAt = null)
    {
        using ImapClient client = await ConnectAsync(account);
        IMailFolder target = folder == "INBOX" ? client.Inbox : await client.GetFolderAsync(folder);
        using var stream = new MemoryStream(raw, writable: false);
        MimeMessage message = await MimeMessage.LoadAsync(stream);
        await target.AppendAsync(new AppendRequest(message, MessageFlags.None) { InternalDate = arrivedAt });
        await client.DisconnectAsync(true);
    }

    /// <summary>How many messages each named folder holds (0 for one that does not exist).</summary>
    public async Task<Dictionary<string, int>> CountAsync((string UserName, string Password) account, params string[] folders)
    {
        using ImapClient client = await ConnectAsync(account);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string name in folders)
        {
            IMailFolder folder;
            try
            {
                folder = name == "INBOX" ? client.Inbox : await client.GetFolderAsync(name);
            }
            catch (FolderNotFoundException)
            {
                counts[name] = 0;
                continue;
            }

            await folder.StatusAsync(StatusItems.Count);
            counts[name] = folder.Count;
        }

        await client.DisconnectAsync(true);
        return counts;
    }

    public async Task<ImapClient> ConnectAsync((string UserName, string Password) account)
    {
        var client = new ImapClient { ServerCertificateValidationCallback = ServerCertificates.PinnedOrTrusted(CertificateSha256), Timeout = 15_000 };
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.SslOnConnect);
        await client.AuthenticateAsync(account.UserName, account.Password);
        return client;
    }

    /// <summary>Starts dovecot (again) on the same port and folder; returns once it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        var start = new ProcessStartInfo(DovecotPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["-F", "-c", Path.Combine(_root!.FullName, "dovecot.conf")])
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {DovecotPath}.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        DateTime deadline = DateTime.UtcNow + s_startTimeout;
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"dovecot did not start on port {Port}: {e.SocketErrorCode}\ndovecot logged:\n{Log}", e);
            }
        }
    }

    /// <summary>
    /// Stops dovecot as a server going down does: SIGTERM to the master, which closes every client connection and the
    /// listener; connections are refused until <see cref="StartAsync"/>. The maildirs stay.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (Process signal = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        // The master is gone; its children follow it within moments, and the port with them.
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                await Task.Delay(50);
            }
            catch (SocketException)
            {
                break;
            }
        }

        process.Dispose();
        _process = null;
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        Dispose();
    }

    public void Dispose()
    {
        if (_process is { } process)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
            _process = null;
        }

        if (_root is { Exists: true } root)
        {
            root.Delete(recursive: true);
            _root = null;
        }

        _certificate?.Dispose();
    }

    private void WriteConfiguration()
    {
        string root = _root!.FullName;
        string mail = Path.Combine(root, "mail");
        Directory.CreateDirectory(mail);
        Directory.CreateDirectory(Path.Combine(root, "run"));
        Directory.CreateDirectory(Path.Combine(root, "state"));
        File.WriteAllText(PasswdPath, string.Empty);
        File.WriteAllText(Path.Combine(root, "cert.pem"), _certificate.ExportCertificatePem());
        using (RSA key = _certificate.GetRSAPrivateKey()!)
        {
            File.WriteAllText(Path.Combine(root, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        }

        // As root, dovecot runs its services and the mail processes as its own users (never root): they must be able
        // to reach the folder and create each user's maildir. As anyone else it runs everything as that user.
        string internalUser, loginUser, mailUser;
        if (Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows())
        {
            (internalUser, loginUser, mailUser) = ("dovecot", "dovenull", "dovecot");
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.SetUnixFileMode(mail, (UnixFileMode)0b111_111_111);
            File.SetUnixFileMode(PasswdPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        else
        {
            string me = Environment.UserName;
            (internalUser, loginUser, mailUser) = (me, me, me);
        }

        string configuration = $$"""
            # Throw-away configuration for the integration tests (ImapFixture): nothing from /etc/dovecot is read.
            base_dir = {{root}}/run
            state_dir = {{root}}/state
            instance_name = reporting-tests-{{Port}}
            protocols = imap
            listen = 127.0.0.1
            log_path = {{LogPath}}
            ssl = required
            ssl_cert = <{{root}}/cert.pem
            ssl_key = <{{root}}/key.pem
            disable_plaintext_auth = yes
            auth_mechanisms = plain login
            # A refused login is answered at once, and loopback gets no growing penalty: the tests refuse some on purpose.
            auth_failure_delay = 0
            login_trusted_networks = 127.0.0.0/8
            default_internal_user = {{internalUser}}
            default_login_user = {{loginUser}}
            first_valid_uid = 1
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{PasswdPath}}
            }
            userdb {
              driver = static
              args = uid={{mailUser}} gid={{mailUser}} home={{mail}}/%u
            }
            mail_location = maildir:~/Maildir
            service imap-login {
              inet_listener imap {
                port = 0
              }
              inet_listener imaps {
                port = {{Port}}
              }
            }
            """;
        File.WriteAllText(Path.Combine(root, "dovecot.conf"), configuration, new UTF8Encoding(false));
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        string text = reader.ReadToEnd();
        return text.Length <= 20_000 ? text : text[^20_000..];
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
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }
}
