using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Reporting.Portal;

namespace Reporting.Cli.Commands;

/// <summary>
/// `reporting serve [--store DIR | --connection C] [--port P]`: 报送平台 on this computer, on 127.0.0.1 only, with the
/// development sign-in (pick a department or the office) unless a --config file sets Reporting:Portal:SignIn to EntraId.
/// </summary>
public static class ServeCommand
{
    public const int DefaultPort = 5080;

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = $"端口，默认 {DefaultPort}（只在本机 127.0.0.1 上监听）", DefaultValueFactory = _ => DefaultPort };
        var command = new Command("serve", "在本机启动报送平台（网页）：各单位上传报表、推进办查看报送情况并审核签发简报；开发模式登录，仅限本机访问");
        command.Options.Add(port);
        StoreSelection store = StoreSelection.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter error = parseResult.InvocationConfiguration.Error;
            int portNumber = parseResult.GetValue(port);
            if (portNumber is < 0 or > 65535)
            {
                await error.WriteLineAsync($"--port 应在 0 到 65535 之间：{portNumber}").ConfigureAwait(false);
                return CliApp.BadArguments;
            }

            IConfiguration configuration;
            try
            {
                configuration = store.Configuration(parseResult, new Dictionary<string, string?>
                {
                    [PortalOptions.SectionName + ":" + nameof(PortalOptions.SignIn)] = nameof(PortalSignIn.Development),
                });
                _ = Core.Configuration.ReportingConfiguration.Bind(configuration);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or InvalidDataException or FormatException)
            {
                await error.WriteLineAsync($"无法打开配置：{e.Message}").ConfigureAwait(false);
                return CliApp.BadArguments;
            }

            PortalServer server;
            try
            {
                server = await PortalServer.StartAsync(configuration, portNumber, logging: l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
                    // The key ring is kept unencrypted in the store on purpose (see StoreKeyRepository); say it once in the docs, not at every start.
                    .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error)
                    // A port in use is answered below in one line; the host's own stack trace would bury it.
                    .AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical), cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"无法在端口 {portNumber} 上启动：{e.Message}（换一个 --port 试试）").ConfigureAwait(false);
                return CliApp.BadArguments;
            }

            await using (server.ConfigureAwait(false))
            {
                await output.WriteLineAsync($"报送平台已启动：{server.Address}").ConfigureAwait(false);
                await output.WriteLineAsync("开发模式登录：在登录页选择一个单位或推进办；只接受本机访问。按 Ctrl+C 停止。").ConfigureAwait(false);
                // Ctrl+C or SIGTERM stops the server and the command exits normally.
                await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }

            return CliApp.Ok;
        });
        return command;
    }
}
