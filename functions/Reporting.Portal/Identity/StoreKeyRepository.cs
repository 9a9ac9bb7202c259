using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Reporting.Core.Storage;

namespace Reporting.Portal.Identity;

/// <summary>
/// The data-protection key ring (which signs the session and anti-forgery cookies) kept in the report store
/// under <c>portal/keys/</c>: every instance of the Functions app and every restart of `reporting serve` read
/// the same keys, so a clerk is not signed out when the platform adds an instance. The blobs are readable only
/// by the app's identity (Azure RBAC) or the local user (the store folder).
/// </summary>
internal sealed class StoreKeyRepository(IReportStore store) : IXmlRepository
{
    private const string Prefix = Containers.Portal + "/keys/";

    // IXmlRepository is synchronous; it is called when the key ring is (re)loaded, about once a day, never per request.
    public IReadOnlyCollection<XElement> GetAllElements() => Task.Run(async () =>
    {
        var elements = new List<XElement>();
        await foreach (StoredObject item in store.ListAsync(Prefix).ConfigureAwait(false))
        {
            if (item.Path.EndsWith(".xml", StringComparison.Ordinal)
                && await store.ReadBytesAsync(item.Path).ConfigureAwait(false) is { } bytes)
            {
                elements.Add(XElement.Parse(Encoding.UTF8.GetString(bytes)));
            }
        }

        return (IReadOnlyCollection<XElement>)elements;
    }).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        string name = string.Concat((friendlyName ?? Guid.NewGuid().ToString("N")).Where(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
        byte[] bytes = Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting));
        Task.Run(() => store.WriteBytesAsync(Prefix + name + ".xml", bytes, WriteCondition.Overwrite)).GetAwaiter().GetResult();
    }
}
