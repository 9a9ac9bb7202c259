using Microsoft.Extensions.Logging;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Storage;

namespace Reporting.Infrastructure.Mail;

public static class MailSenders
{
    /// <summary>SMTP when a host is configured; otherwise .eml files in the store's outbox/ (the CLI, the demo, a dry run).</summary>
    public static IMailSender Create(DeliveryOptions options, IReportStore store, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        return options.Smtp.IsConfigured
            ? new SmtpMailSender(options.Smtp, loggers?.CreateLogger<SmtpMailSender>())
            : new OutboxMailSender(store, loggers?.CreateLogger<OutboxMailSender>());
    }
}
