using System.Globalization;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Configuration;
using Reporting.Core.Storage;
using Reporting.Infrastructure;
using Reporting.Infrastructure.Storage;

namespace Reporting.IntegrationTests.Infrastructure;

/// <summary>
/// The Functions app's services exactly as Program.cs builds them from configuration (reporting.json
/// under app settings), pointed at Azurite and the loopback SMTP server, with a clock the test sets.
/// Only the storage factory is swapped, to give each test its own container and table prefix.
/// </summary>
public sealed class FunctionsTestHost : IDisposable
{
    private readonly ServiceProvider _provider;
    private readonly string _prefix;
    private readonly AzuriteFixture _azurite;
    private readonly TimeProvider _clock;

    /// <param name="overrides">Last say over the registrations (a fault-injecting store, a capturing logger).</param>
    /// <param name="namePrefix">Share another host's containers and tables (a second instance of the same app); null: its own.</param>
    public FunctionsTestHost(
        AzuriteFixture azurite,
        SmtpFixture smtp,
        TimeProvider clock,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? overrides = null,
        string? namePrefix = null)
    {
        _prefix = namePrefix ?? AzuriteFixture.UniquePrefix();
        _azurite = azurite;
        _clock = clock;
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [ReportingStores.ConnectionName] = azurite.ConnectionString,
            [ReportingStores.NamePrefixKey] = _prefix,
            ["BriefingSchedule"] = "0 30 0 5 * *",
            ["ReminderSchedule"] = "0 0 1 * * *",
            ["MailboxSchedule"] = "0 */5 * * * *",
            ["Reporting:Delivery:From"] = SmtpFixture.UserName,
            ["Reporting:Delivery:FromName"] = "萍乡市重大项目推进办公室",
        };
        foreach (KeyValuePair<string, string?> smtpSetting in smtp.Settings())
        {
            values[smtpSetting.Key] = smtpSetting.Value;
        }

        foreach (KeyValuePair<string, string?> setting in settings ?? new Dictionary<string, string?>())
        {
            values[setting.Key] = setting.Value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values);
        configuration.AddReportingDefaults();

        // The demo's sample contacts and recipients, right after the defaults so test settings still win.
        IConfigurationSource sample = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "demo-settings.json"), optional: false)
            .Sources[0];
        configuration.Sources.Insert(1, sample);
        IConfiguration built = configuration.Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMvcCore();
        services.AddReporting(built);
        services.AddSingleton(clock);
        overrides?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>The prefix of this host's containers and tables, for a second host on the same data.</summary>
    public string NamePrefix => _prefix;

    public ManualClock Clock => _clock as ManualClock ?? throw new InvalidOperationException("This host runs on another clock.");

    public IServiceProvider Services => _provider;

    public ReportingOptions Options => _provider.GetRequiredService<ReportingOptions>();

    public AzureStores Stores => _provider.GetRequiredService<AzureStores>();

    /// <summary>A function class as the worker creates it: constructor injection from the container.</summary>
    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(_provider);

    /// <summary>Puts a file into uploads/{department}/{name} and returns the client the blob trigger would bind.</summary>
    public async Task<BlobClient> UploadAsync(string department, string name, byte[] content)
    {
        BlobContainerClient container = Stores.Blobs.GetBlobContainerClient(_prefix + Containers.Uploads);
        await container.CreateIfNotExistsAsync();
        BlobClient blob = container.GetBlobClient($"{department}/{name}");
        await blob.UploadAsync(new BinaryData(content), overwrite: true);
        return blob;
    }

    public async Task<List<StoredObject>> ListAsync(string prefix)
    {
        List<StoredObject> items = [];
        await foreach (StoredObject item in Stores.Store.ListAsync(prefix))
        {
            items.Add(item);
        }

        return items;
    }

    public async Task<List<LedgerRow<T>>> RowsAsync<T>(string table, string? partition = null)
        where T : class
    {
        List<LedgerRow<T>> rows = [];
        await foreach (LedgerRow<T> row in Stores.Ledger.QueryAsync<T>(table, partition))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static HttpRequest Request(string? query = null)
    {
        var context = new DefaultHttpContext();
        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        return context.Request;
    }

    /// <summary>Executes an action result as ASP.NET Core would and returns status, headers and body.</summary>
    public async Task<(int Status, IHeaderDictionary Headers, byte[] Body)> ExecuteAsync(IActionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using AsyncServiceScope scope = _provider.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return (context.Response.StatusCode, context.Response.Headers, body.ToArray());
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _provider.Dispose();
}
