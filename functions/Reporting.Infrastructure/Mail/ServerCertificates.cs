using System.Net.Security;
using System.Security.Cryptography;
using MailKit.Security;
using Reporting.Core.Configuration;

namespace Reporting.Infrastructure.Mail;

/// <summary>How the mail clients (SMTP and IMAP) secure their connection and which server certificate they accept.</summary>
internal static class ServerCertificates
{
    /// <summary>Trusted by the system, or exactly the pinned certificate; null (the system's check alone) when nothing is pinned.</summary>
    public static RemoteCertificateValidationCallback? PinnedOrTrusted(string? sha256)
    {
        if (string.IsNullOrWhiteSpace(sha256))
        {
            return null;
        }

        string pinned = sha256.Replace(":", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        return (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None
            || (certificate is not null
                && string.Equals(Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)), pinned, StringComparison.OrdinalIgnoreCase));
    }

    public static SecureSocketOptions ToSocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.Auto,
    };
}
