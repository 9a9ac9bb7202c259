using System.CommandLine;

namespace Reporting.Cli;

/// <summary>
/// The options every store-using command shares: --store DIR (a folder laid out like the blob
/// containers, default "out", the folder `reporting demo` fills), --config FILE and --connection.
/// </summary>
public sealed class StoreSelection
{
    public const string DefaultStoreDirectory = "out";

    private readonly Option<string> _store = new("--store")
    {
        Description = "存储目录（与云端容器相同的布局），默认 out，即 reporting demo 使用的目录",
        DefaultValueFactory = _ => DefaultStoreDirectory,
    };

    private readonly Option<string?> _config = new("--config") { Description = "附加配置文件（JSON），覆盖随程序提供的 reporting.json" };

    private readonly Option<string?> _connection = CliEnvironment.CreateConnectionOption();

    /// <summary>Adds --store, --config and --connection to <paramref name="command"/>.</summary>
    public static StoreSelection AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var selection = new StoreSelection();
        command.Options.Add(selection._store);
        command.Options.Add(selection._config);
        command.Options.Add(selection._connection);
        return selection;
    }

    public string StoreDirectory(ParseResult parseResult) => parseResult.GetValue(_store) ?? DefaultStoreDirectory;

    public string? ConfigFile(ParseResult parseResult) => parseResult.GetValue(_config);

    /// <summary>The configuration the selected options describe, with a command's own defaults under the --config files.</summary>
    public Microsoft.Extensions.Configuration.IConfiguration Configuration(ParseResult parseResult, IReadOnlyDictionary<string, string?>? hostDefaults = null)
    {
        string? configFile = ConfigFile(parseResult);
        return CliEnvironment.BuildConfiguration(StoreDirectory(parseResult), configFile is null ? [] : [configFile], parseResult.GetValue(_connection), hostDefaults);
    }

    public CliEnvironment Open(ParseResult parseResult) =>
        CliEnvironment.Open(StoreDirectory(parseResult), ConfigFile(parseResult), parseResult.GetValue(_connection));
}
