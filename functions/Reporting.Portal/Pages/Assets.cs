using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Reporting.Portal.Hosting;

namespace Reporting.Portal.Pages;

/// <summary>The portal's stylesheet and script, embedded in the assembly: the browser loads nothing from anywhere else.</summary>
internal static class Assets
{
    private static readonly FrozenDictionary<string, (byte[] Content, string Type)> s_assets = Load();

    public static async Task ServeAsync(PortalRequest request)
    {
        if (!s_assets.TryGetValue(request.Value("name"), out (byte[] Content, string Type) asset))
        {
            request.Context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        request.Context.Response.ContentType = asset.Type;
        request.Context.Response.ContentLength = asset.Content.Length;
        if (!HttpMethods.IsHead(request.Context.Request.Method))
        {
            await request.Context.Response.Body.WriteAsync(asset.Content, request.Aborted).ConfigureAwait(false);
        }
    }

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        const string Prefix = "Reporting.Portal.Assets.";
        var assembly = typeof(Assets).Assembly;
        var assets = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            string name = resource[Prefix.Length..];
            string type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            assets[name] = (buffer.ToArray(), type);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
