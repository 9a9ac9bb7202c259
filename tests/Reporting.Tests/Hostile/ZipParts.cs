using System.IO.Compression;
using System.Text;

namespace Reporting.Tests.Hostile;

/// <summary>The parts of an OOXML package by name, in their original order, to edit and pack again.</summary>
internal sealed class ZipParts
{
    private readonly List<(string Name, byte[] Content)> _parts;

    private ZipParts(List<(string Name, byte[] Content)> parts) => _parts = parts;

    public static ZipParts Open(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var parts = new List<(string, byte[])>();
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            using Stream stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            parts.Add((entry.FullName, copy.ToArray()));
        }

        return new ZipParts(parts);
    }

    public IEnumerable<string> Names => _parts.Select(p => p.Name);

    public bool Contains(string name) => _parts.Any(p => p.Name == name);

    public string Text(string name) => Encoding.UTF8.GetString(_parts.Single(p => p.Name == name).Content).TrimStart('\uFEFF');

    /// <summary>The part parsed as XML (a byte-order mark is fine).</summary>
    public System.Xml.Linq.XDocument Xml(string name) => System.Xml.Linq.XDocument.Load(new MemoryStream(_parts.Single(p => p.Name == name).Content));

    public ZipParts Set(string name, string text) => Set(name, Encoding.UTF8.GetBytes(text));

    public ZipParts Set(string name, byte[] content)
    {
        int index = _parts.FindIndex(p => p.Name == name);
        if (index >= 0)
        {
            _parts[index] = (name, content);
        }
        else
        {
            _parts.Add((name, content));
        }

        return this;
    }

    public ZipParts Edit(string name, Func<string, string> edit) => Set(name, edit(Text(name)));

    public ZipParts Remove(string name)
    {
        _parts.RemoveAll(p => p.Name == name);
        return this;
    }

    public byte[] Pack(CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] content) in _parts)
            {
                using Stream stream = zip.CreateEntry(name, level).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }
}
