using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Reporting.Portal.Html;

/// <summary>
/// Markup that is already safe to write: built by <see cref="HtmlText.Of"/>, whose every interpolated value
/// is HTML-encoded unless it is itself <see cref="HtmlText"/>. Department names, file names, cell values and
/// messages come from uploaded files; encoding them is the default, never something a page must remember.
/// </summary>
public readonly struct HtmlText
{
    // Encodes < > & " ' and control characters, keeps Chinese readable in the page source.
    private static readonly HtmlEncoder s_encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly string? _value;

    private HtmlText(string value) => _value = value;

    public static HtmlText Empty => new(string.Empty);

    public string Value => _value ?? string.Empty;

    /// <summary>Markup from an interpolated string: literal parts are kept, every value is encoded.</summary>
    public static HtmlText Of(ref Builder markup) => new(markup.Build());

    /// <summary>Plain text, encoded.</summary>
    public static HtmlText Encode(string? text) => new(s_encoder.Encode(text ?? string.Empty));

    /// <summary>Joins fragments that are already markup.</summary>
    public static HtmlText Join(IEnumerable<HtmlText> parts) => new(string.Concat(parts.Select(p => p.Value)));

    /// <summary>Only for constant markup written in this assembly; never for anything that came from a request or a file.</summary>
    internal static HtmlText Trusted(string markup) => new(markup);

    public override string ToString() => Value;

    [InterpolatedStringHandler]
    public ref struct Builder
    {
        private readonly StringBuilder _builder;

        public Builder(int literalLength, int formattedCount) => _builder = new StringBuilder(literalLength + (formattedCount * 16));

        public readonly void AppendLiteral(string literal) => _builder.Append(literal);

        public readonly void AppendFormatted(HtmlText markup) => _builder.Append(markup.Value);

        public readonly void AppendFormatted(IEnumerable<HtmlText> markup)
        {
            foreach (HtmlText part in markup)
            {
                _builder.Append(part.Value);
            }
        }

        public readonly void AppendFormatted(string? text) => _builder.Append(s_encoder.Encode(text ?? string.Empty));

        public readonly void AppendFormatted<T>(T value)
        {
            // A list of fragments picks this overload over the IEnumerable one: it is still markup, not text.
            if (value is IEnumerable<HtmlText> markup)
            {
                AppendFormatted(markup);
                return;
            }

            _builder.Append(s_encoder.Encode(value is IFormattable formattable
                ? formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture)
                : value?.ToString() ?? string.Empty));
        }

        internal readonly string Build() => _builder.ToString();
    }
}
