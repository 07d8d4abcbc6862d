using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;

namespace Kechuang.Platform.Excel;

/// <summary>
/// A forward-only scanner of the tags and text of an XML part of an .xlsx, on its UTF-8 bytes, for the
/// worksheet of a large import (<see cref="XlsxRows"/>): the part of the work an <c>XmlReader</c> spends
/// on what a worksheet never uses (names as strings, namespaces, node objects, attribute strings) costs
/// more than the rest of an import's reading. Tags are matched by local name (any prefix), attributes
/// are read as bytes, text is decoded (the five entities, character references, CDATA, line ends
/// normalised as XML does). A document type declaration or a malformed tag is an unreadable file.
/// </summary>
internal sealed class XmlScanner(Stream stream)
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private byte[] _text = new byte[256];
    private int _textLength;

    // The current tag: positions in _buffer, valid until the next call.
    private int _nameStart;
    private int _nameLength;
    private int _attributesStart;
    private int _attributesEnd;

    /// <summary>The current tag is an end tag (&lt;/x&gt;).</summary>
    public bool IsEnd { get; private set; }

    /// <summary>The current start tag closes itself (&lt;x/&gt;).</summary>
    public bool IsEmpty { get; private set; }

    /// <summary>Whether the current tag's local name (after any prefix) is <paramref name="name"/> (ASCII).</summary>
    public bool NameIs(ReadOnlySpan<byte> name) => _buffer.AsSpan(_nameStart, _nameLength).SequenceEqual(name);

    /// <summary>Advances to the next start or end tag, skipping text, comments, processing instructions and CDATA. False at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool NextTag()
    {
        while (true)
        {
            var lt = Find((byte)'<');
            if (lt < 0)
            {
                return false;
            }
            _start = lt;
            if (ReadTag())
            {
                return true;
            }
        }
    }

    /// <summary>An attribute of the current start tag, raw (entities not decoded: worksheet attributes need none), or empty when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> Attribute(ReadOnlySpan<byte> name, out bool found)
    {
        var span = _buffer.AsSpan(_attributesStart, _attributesEnd - _attributesStart);
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && IsSpace(span[i]))
            {
                i++;
            }
            var nameStart = i;
            while (i < span.Length && span[i] != '=' && !IsSpace(span[i]))
            {
                i++;
            }
            var attributeName = span[nameStart..i];
            while (i < span.Length && span[i] != '=')
            {
                i++;
            }
            i++;
            while (i < span.Length && IsSpace(span[i]))
            {
                i++;
            }
            if (i >= span.Length || (span[i] != '"' && span[i] != '\''))
            {
                break;
            }
            var quote = span[i++];
            var valueStart = i;
            var close = span[i..].IndexOf(quote);
            if (close < 0)
            {
                throw Malformed();
            }
            i += close;
            if (attributeName.SequenceEqual(name))
            {
                found = true;
                return span[valueStart..i];
            }
            i++;
        }
        found = false;
        return default;
    }

    /// <summary>
    /// The text of the current (non-empty) start tag up to its end tag, decoded, as UTF-8; nested
    /// elements are skipped with their text (an &lt;r&gt; run's text is read by the caller tag by tag).
    /// Valid until the next call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> ReadText()
    {
        _textLength = 0;
        var depth = 0;
        Span<byte> element = stackalloc byte[64];
        var elementLength = Math.Min(_nameLength, element.Length);
        _buffer.AsSpan(_nameStart, elementLength).CopyTo(element);
        while (true)
        {
            var lt = Find((byte)'<');
            if (lt < 0)
            {
                throw Malformed();
            }
            if (depth == 0)
            {
                AppendDecoded(_buffer.AsSpan(_start, lt - _start));
            }
            _start = lt;
            if (StartsWith("<![CDATA["u8))
            {
                var close = FindSequence("]]>"u8, _start + 9);
                if (depth == 0)
                {
                    AppendNormalised(_buffer.AsSpan(_start + 9, close - _start - 9));
                }
                _start = close + 3;
                continue;
            }
            if (!ReadTag())
            {
                continue;
            }
            if (IsEnd)
            {
                if (depth == 0)
                {
                    return NameIs(element[..elementLength]) ? _text.AsSpan(0, _textLength) : throw Malformed();
                }
                depth--;
            }
            else if (!IsEmpty)
            {
                depth++;
            }
        }
    }

    /// <summary>Reads the tag at _start ('&lt;'). False for a comment or processing instruction (skipped).</summary>
    private bool ReadTag()
    {
        if (StartsWith("<!--"u8))
        {
            _start = FindSequence("-->"u8, _start + 4) + 3;
            return false;
        }
        if (StartsWith("<?"u8))
        {
            _start = FindSequence("?>"u8, _start + 2) + 2;
            return false;
        }
        if (StartsWith("<![CDATA["u8))
        {
            _start = FindSequence("]]>"u8, _start + 9) + 3;
            return false;
        }
        if (StartsWith("<!"u8))
        {
            throw Malformed(); // DOCTYPE: refused, as the XmlReader settings did (DtdProcessing.Prohibit)
        }
        var gt = TagEnd(_start + 1);
        var tag = _start + 1;
        IsEnd = _buffer[tag] == '/';
        if (IsEnd)
        {
            tag++;
        }
        var nameEnd = tag;
        while (nameEnd < gt && !IsSpace(_buffer[nameEnd]) && _buffer[nameEnd] != '/')
        {
            nameEnd++;
        }
        var name = _buffer.AsSpan(tag, nameEnd - tag);
        if (name.Length == 0)
        {
            throw Malformed();
        }
        var colon = name.IndexOf((byte)':');
        _nameStart = tag + colon + 1;
        _nameLength = name.Length - colon - 1;
        IsEmpty = !IsEnd && _buffer[gt - 1] == '/';
        _attributesStart = nameEnd;
        _attributesEnd = IsEmpty ? gt - 1 : gt;
        _start = gt + 1;
        return true;
    }

    /// <summary>The position of the '&gt;' closing the tag from <paramref name="from"/> (quotes respected), reading more as needed.</summary>
    private int TagEnd(int from)
    {
        var offset = from - _start;
        byte quote = 0;
        while (true)
        {
            for (var i = _start + offset; i < _end; i++)
            {
                var b = _buffer[i];
                if (quote != 0)
                {
                    if (b == quote)
                    {
                        quote = 0;
                    }
                }
                else if (b is (byte)'"' or (byte)'\'')
                {
                    quote = b;
                }
                else if (b == '>')
                {
                    return i;
                }
            }
            offset = _end - _start;
            if (!Fill())
            {
                throw Malformed();
            }
        }
    }

    /// <summary>The position of the next <paramref name="b"/> from _start, reading more as needed; -1 at the end of the stream.</summary>
    private int Find(byte b)
    {
        var offset = 0;
        while (true)
        {
            var i = _buffer.AsSpan(_start + offset, _end - _start - offset).IndexOf(b);
            if (i >= 0)
            {
                return _start + offset + i;
            }
            offset = _end - _start;
            if (!Fill())
            {
                return -1;
            }
        }
    }

    private int FindSequence(ReadOnlySpan<byte> value, int from)
    {
        var offset = from - _start;
        while (true)
        {
            var i = _buffer.AsSpan(_start + offset, _end - _start - offset).IndexOf(value);
            if (i >= 0)
            {
                return _start + offset + i;
            }
            offset = Math.Max(offset, _end - _start - value.Length + 1);
            if (!Fill())
            {
                throw Malformed();
            }
        }
    }

    private bool StartsWith(ReadOnlySpan<byte> value)
    {
        while (_end - _start < value.Length)
        {
            if (!Fill())
            {
                return false;
            }
        }
        return _buffer.AsSpan(_start, value.Length).SequenceEqual(value);
    }

    /// <summary>Keeps the bytes from _start, reads more after them (growing the buffer for a very long text). False at the end.</summary>
    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return false;
        }
        _end += read;
        return true;
    }

    private void AppendDecoded(ReadOnlySpan<byte> text)
    {
        Span<byte> utf8 = stackalloc byte[4];
        while (true)
        {
            var amp = text.IndexOf((byte)'&');
            if (amp < 0)
            {
                AppendNormalised(text);
                return;
            }
            AppendNormalised(text[..amp]);
            text = text[(amp + 1)..];
            var semicolon = text.IndexOf((byte)';');
            if (semicolon < 0)
            {
                throw Malformed();
            }
            var entity = text[..semicolon];
            text = text[(semicolon + 1)..];
            if (entity.SequenceEqual("lt"u8))
            {
                Append("<"u8);
            }
            else if (entity.SequenceEqual("gt"u8))
            {
                Append(">"u8);
            }
            else if (entity.SequenceEqual("amp"u8))
            {
                Append("&"u8);
            }
            else if (entity.SequenceEqual("quot"u8))
            {
                Append("\""u8);
            }
            else if (entity.SequenceEqual("apos"u8))
            {
                Append("'"u8);
            }
            else if (entity.Length > 1 && entity[0] == '#')
            {
                var hex = entity[1] is (byte)'x' or (byte)'X';
                var digits = entity[(hex ? 2 : 1)..];
                if (!Utf8Parser.TryParse(digits, out uint code, out var used, hex ? 'x' : default) || used != digits.Length || !Rune.IsValid(code))
                {
                    throw Malformed();
                }
                Append(utf8[..new Rune(code).EncodeToUtf8(utf8)]);
            }
            else
            {
                throw Malformed();
            }
        }
    }

    /// <summary>Appends text with XML's line-end normalisation (CR LF and lone CR become LF).</summary>
    private void AppendNormalised(ReadOnlySpan<byte> text)
    {
        while (true)
        {
            var cr = text.IndexOf((byte)'\r');
            if (cr < 0)
            {
                Append(text);
                return;
            }
            Append(text[..cr]);
            Append("\n"u8);
            text = text[(cr + 1 < text.Length && text[cr + 1] == '\n' ? cr + 2 : cr + 1)..];
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_textLength + bytes.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + bytes.Length));
        }
        bytes.CopyTo(_text.AsSpan(_textLength));
        _textLength += bytes.Length;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    internal static InvalidDataException Malformed() => new("The worksheet is not well-formed XML.");

    /// <summary>UTF-8 text as a string (invalid bytes are an unreadable file, as for an XmlReader).</summary>
    public static string String(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return Strict.GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            throw Malformed();
        }
    }

    private static readonly UTF8Encoding Strict = new(false, true);
}
