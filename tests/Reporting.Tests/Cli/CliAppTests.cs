using System.CommandLine;
using Reporting.Cli;

namespace Reporting.Tests.Cli;

public sealed class CliAppTests
{
    private static async Task<(int Code, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return (code, error.ToString());
    }

    [Theory]
    [InlineData("template")]
    [InlineData("demo", "--no-such-option")]
    [InlineData("no-such-command")]
    public async Task A_command_line_the_parser_refuses_exits_with_bad_arguments_and_a_chinese_hint(params string[] args)
    {
        (int code, string error) = await RunAsync(args);

        Assert.Equal(CliApp.BadArguments, code);
        Assert.Contains("参数错误", error);
        Assert.Contains("--help", error);
    }

    [Fact]
    public async Task Help_is_not_an_error() => Assert.Equal(CliApp.Ok, (await RunAsync("--help")).Code);
}
