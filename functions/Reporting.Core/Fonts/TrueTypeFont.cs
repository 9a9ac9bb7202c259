using System.Buffers.Binary;

namespace Reporting.Core.Fonts;

/// <summary>
/// The parts of a TrueType file layout needs: which characters it has (cmap), how wide each
/// glyph is (hmtx) and its vertical metrics. Read here rather than through PDFsharp so that layout
/// is pure (testable without a PDF) and a missing character can be named before anything is drawn.
/// </summary>
internal sealed class TrueTypeFont
{
    private readonly CmapGroup[] _groups;
    private readonly ushort[] _advances;

    private TrueTypeFont(string familyName, byte[] data, int unitsPerEm, int ascender, int descender, CmapGroup[] groups, ushort[] advances)
    {
        FamilyName = familyName;
        Data = data;
        UnitsPerEm = unitsPerEm;
        Ascender = ascender;
        Descender = descender;
        _groups = groups;
        _advances = advances;
    }

    public string FamilyName { get; }

    /// <summary>The whole file, handed to PDFsharp for embedding (it subsets what is used).</summary>
    public byte[] Data { get; }

    public int UnitsPerEm { get; }

    /// <summary>Typographic ascender in font units (positive).</summary>
    public int Ascender { get; }

    /// <summary>Typographic descender in font units (negative).</summary>
    public int Descender { get; }

    public bool HasGlyph(int codePoint) => GlyphId(codePoint) != 0;

    /// <summary>The glyph for a code point, 0 (.notdef) when the font lacks it.</summary>
    public int GlyphId(int codePoint)
    {
        int low = 0;
        int high = _groups.Length - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            CmapGroup group = _groups[middle];
            if (codePoint < group.Start)
            {
                high = middle - 1;
            }
            else if (codePoint > group.End)
            {
                low = middle + 1;
            }
            else
            {
                return group.Delta is { } delta ? (codePoint + delta) & 0xFFFF : (int)(group.StartGlyph + (uint)(codePoint - group.Start));
            }
        }

        return 0;
    }

    /// <summary>Advance width of a code point in font units.</summary>
    public int Advance(int codePoint)
    {
        int glyph = GlyphId(codePoint);
        return _advances[Math.Min(glyph, _advances.Length - 1)];
    }

    public static TrueTypeFont Load(string path, string familyName)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"找不到简报字体文件“{path}”（应随程序发布在 fonts 目录下）。", path);
        }

        return Parse(File.ReadAllBytes(path), familyName);
    }

    public static TrueTypeFont Parse(byte[] data, string familyName)
    {
        ReadOnlySpan<byte> span = data;
        uint version = BinaryPrimitives.ReadUInt32BigEndian(span);
        if (version != 0x00010000 && version != 0x74727565)
        {
            throw new InvalidDataException($"Font '{familyName}' is not a TrueType file (PDFsharp needs glyf outlines, not CFF or a collection).");
        }

        int tableCount = BinaryPrimitives.ReadUInt16BigEndian(span[4..]);
        var tables = new Dictionary<string, (int Offset, int Length)>(StringComparer.Ordinal);
        for (int i = 0; i < tableCount; i++)
        {
            ReadOnlySpan<byte> record = span.Slice(12 + (16 * i), 16);
            string tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            tables[tag] = ((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }

        ReadOnlySpan<byte> head = Table(span, tables, "head");
        ReadOnlySpan<byte> hhea = Table(span, tables, "hhea");
        ReadOnlySpan<byte> maxp = Table(span, tables, "maxp");
        int unitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(head[18..]);
        int ascender = BinaryPrimitives.ReadInt16BigEndian(hhea[4..]);
        int descender = BinaryPrimitives.ReadInt16BigEndian(hhea[6..]);
        if (tables.ContainsKey("OS/2"))
        {
            // Typographic metrics give the em-box CJK fonts are designed on (880/−120), not the clipping extremes.
            ReadOnlySpan<byte> os2 = Table(span, tables, "OS/2");
            ascender = BinaryPrimitives.ReadInt16BigEndian(os2[68..]);
            descender = BinaryPrimitives.ReadInt16BigEndian(os2[70..]);
        }

        int glyphCount = BinaryPrimitives.ReadUInt16BigEndian(maxp[4..]);
        int metricCount = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);
        ReadOnlySpan<byte> hmtx = Table(span, tables, "hmtx");
        var advances = new ushort[Math.Max(glyphCount, metricCount)];
        for (int glyph = 0; glyph < advances.Length; glyph++)
        {
            advances[glyph] = glyph < metricCount ? BinaryPrimitives.ReadUInt16BigEndian(hmtx[(4 * glyph)..]) : advances[metricCount - 1];
        }

        return new TrueTypeFont(familyName, data, unitsPerEm, ascender, descender, ReadCmap(Table(span, tables, "cmap"), familyName), advances);
    }

    private static ReadOnlySpan<byte> Table(ReadOnlySpan<byte> data, Dictionary<string, (int Offset, int Length)> tables, string tag) =>
        tables.TryGetValue(tag, out (int Offset, int Length) table)
            ? data.Slice(table.Offset, table.Length)
            : throw new InvalidDataException($"Font has no '{tag}' table.");

    /// <summary>Prefers the full-repertoire subtable (format 12) over the BMP one (format 4).</summary>
    private static CmapGroup[] ReadCmap(ReadOnlySpan<byte> cmap, string familyName)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        int format4 = -1;
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> record = cmap.Slice(4 + (8 * i), 8);
            int platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            int encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
            int format = BinaryPrimitives.ReadUInt16BigEndian(cmap[offset..]);
            if (format == 12 && ((platform == 3 && encoding == 10) || (platform == 0 && encoding is 4 or 6)))
            {
                return ReadFormat12(cmap[offset..]);
            }

            if (format == 4 && ((platform == 3 && encoding == 1) || (platform == 0 && encoding is 3 or 4)))
            {
                format4 = offset;
            }
        }

        return format4 >= 0
            ? ReadFormat4(cmap[format4..])
            : throw new InvalidDataException($"Font '{familyName}' has no Unicode cmap.");
    }

    private static CmapGroup[] ReadFormat12(ReadOnlySpan<byte> table)
    {
        int groupCount = (int)BinaryPrimitives.ReadUInt32BigEndian(table[12..]);
        var groups = new CmapGroup[groupCount];
        for (int i = 0; i < groupCount; i++)
        {
            ReadOnlySpan<byte> group = table.Slice(16 + (12 * i), 12);
            groups[i] = new CmapGroup(
                (int)BinaryPrimitives.ReadUInt32BigEndian(group),
                (int)BinaryPrimitives.ReadUInt32BigEndian(group[4..]),
                BinaryPrimitives.ReadUInt32BigEndian(group[8..]),
                Delta: null);
        }

        return groups;
    }

    private static CmapGroup[] ReadFormat4(ReadOnlySpan<byte> table)
    {
        int segments = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        int endsAt = 14;
        int startsAt = endsAt + (2 * segments) + 2;
        int deltasAt = startsAt + (2 * segments);
        int rangesAt = deltasAt + (2 * segments);
        var groups = new List<CmapGroup>();
        for (int s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(table[(endsAt + (2 * s))..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(table[(startsAt + (2 * s))..]);
            short delta = BinaryPrimitives.ReadInt16BigEndian(table[(deltasAt + (2 * s))..]);
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(table[(rangesAt + (2 * s))..]);
            if (start == 0xFFFF)
            {
                continue;
            }

            if (rangeOffset == 0)
            {
                groups.Add(new CmapGroup(start, end, 0, delta));
                continue;
            }

            // Glyphs from the glyphIdArray: expand to one group per code point.
            for (int c = start; c <= end; c++)
            {
                int at = rangesAt + (2 * s) + rangeOffset + (2 * (c - start));
                int glyph = BinaryPrimitives.ReadUInt16BigEndian(table[at..]);
                if (glyph != 0)
                {
                    groups.Add(new CmapGroup(c, c, (uint)((glyph + delta) & 0xFFFF), null));
                }
            }
        }

        return groups.ToArray();
    }

    /// <summary>A range of code points mapped either to consecutive glyphs (format 12) or by a delta (format 4).</summary>
    private readonly record struct CmapGroup(int Start, int End, uint StartGlyph, int? Delta);
}
