using System.Runtime.CompilerServices;
using System.Text;

namespace Kechuang.Platform.Excel;

/// <summary>
/// The rows of a worksheet part, read straight from its UTF-8 bytes. A worksheet is a long, regular run of
/// <c>&lt;row&gt;&lt;c r="B2" t="s" s="1"&gt;&lt;v&gt;…&lt;/v&gt;&lt;/c&gt;…&lt;/row&gt;</c>; an <see cref="System.Xml.XmlReader"/>
/// turns every byte into a char and every attribute into a string, which was most of what reading a 200,000-row
/// sheet allocated. This keeps the bytes and makes strings only of text cells. It reads what spreadsheet writers
/// produce: any namespace prefix, attributes in any order and quoting, the predefined entities and character
/// references, CDATA, comments, processing instructions, rich-text and phonetic runs, formulas (their cached value is
/// read), line ends normalised as XML does. A document type declaration, an unknown entity or a broken tag makes the
/// file unreadable (<see cref="InvalidDataException"/>), as an XML parser that prohibits DTDs would.
/// What it holds is bounded whatever the part holds: text between tags is handed out a buffer at a time, a cell's value
/// stops at three bytes per character of <see cref="ImportLimits.MaxCellCharacters"/>, a row at Excel's 16,384 columns,
/// and a tag, comment or CDATA section longer than <see cref="MaxToken"/> makes the file unreadable.
/// </summary>
internal sealed class WorksheetScanner
{
    /// <summary>Columns of a row: Excel's own limit (A to XFD).</summary>
    internal const int MaxColumns = 16_384;

    private readonly Stream _input;
    private readonly ImportLimits _limits;
    private readonly int _maxValueBytes;
    private readonly int _maxToken;
    private int _valueStart;
    private byte[] _buffer = new byte[1 << 16];
    private int _position;
    private int _end;
    private bool _eof;
    private byte[] _text = new byte[256];
    private int _textLength;

    // The tag just read.
    private Kind _kind;
    private Name _name;
    private bool _selfClosing;
    private int _attributesStart;
    private int _attributesEnd;

    public WorksheetScanner(Stream input, ImportLimits? limits = null)
    {
        _input = input;
        _limits = limits ?? ImportLimits.Default;
        // No character takes more than three bytes of UTF-8 per UTF-16 char: a value over this is over the limit.
        _maxValueBytes = (int)Math.Min(int.MaxValue / 2, 3L * _limits.MaxCellCharacters);
        _maxToken = Math.Max(MaxToken, _maxValueBytes + 1024);
        Fill();
        if (_end - _position >= 2 && (_buffer[_position] is 0xFF or 0xFE) && (_buffer[_position + 1] is 0xFF or 0xFE))
        {
            // UTF-16 (no spreadsheet writer does this, but XML allows it): read it as UTF-8.
            var encoding = _buffer[_position] == 0xFE ? Encoding.BigEndianUnicode : Encoding.Unicode;
            _input = Encoding.CreateTranscodingStream(new PrefixedStream(_buffer.AsSpan(_position, _end - _position).ToArray(), input), encoding, Encoding.UTF8);
            _position = _end = 0;
            _eof = false;
            Fill();
        }
        if (_end - _position >= 3 && _buffer[_position] == 0xEF && _buffer[_position + 1] == 0xBB && _buffer[_position + 2] == 0xBF)
        {
            _position += 3;
        }
    }

    /// <summary>The longest tag, comment or CDATA section read (the buffer grows to it at most); text between tags is not bounded by it.</summary>
    internal const int MaxToken = 1 << 20;

    private enum Kind
    {
        Start,
        End,
        Text,
        None,
    }

    private enum Name
    {
        Other,
        Row,
        C,
        V,
        Is,
        T,
        RPh,
    }

    /// <summary>A cell of the row just read: its zero-based column, type and style, and its value as UTF-8 (null when it has none).</summary>
    public readonly record struct Cell(int Column, XlsxRows.CellType Type, int Style, int ValueStart, int ValueLength, bool HasValue);

    /// <summary>The cells of the row just read; their values are in <see cref="Values"/>.</summary>
    public List<Cell> Cells { get; } = new(32);

    /// <summary>The values of <see cref="Cells"/>, unescaped UTF-8, one after another.</summary>
    public ReadOnlySpan<byte> Values => _values.AsSpan(0, _valuesLength);

    /// <summary>The row number (the <c>r</c> attribute, else one more than the last).</summary>
    public int RowNumber { get; private set; }

    private byte[] _values = new byte[4096];
    private int _valuesLength;

    /// <summary>Reads the next row; false at the end of the sheet.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool NextRow()
    {
        while (NextToken())
        {
            if (_kind == Kind.Start && _name == Name.Row)
            {
                Attributes(out var r, out _, out _);
                RowNumber = r.Length > 0 && TryParseInt(r, out var number) ? number : RowNumber + 1;
                Cells.Clear();
                _valuesLength = 0;
                if (!_selfClosing)
                {
                    ReadCells();
                }
                return true;
            }
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadCells()
    {
        var column = -1;
        while (NextToken())
        {
            if (_kind == Kind.End && _name == Name.Row)
            {
                return;
            }
            if (_kind != Kind.Start || _name != Name.C)
            {
                continue;
            }
            if (Cells.Count == MaxColumns)
            {
                throw Broken();
            }
            Attributes(out var reference, out var t, out var s);
            column = reference.Length > 0 ? ColumnIndex(reference) : column + 1;
            var type = XlsxRows.TypeOf(t);
            var style = s.Length > 0 && TryParseInt(s, out var st) ? st : 0;
            var start = _valuesLength;
            _valueStart = start;
            var hasValue = false;
            if (!_selfClosing)
            {
                hasValue = ReadCellValue();
            }
            Cells.Add(new Cell(column, type, style, start, _valuesLength - start, hasValue));
        }
        throw Broken();
    }

    /// <summary>The value of the cell just opened (its &lt;v&gt;, or its inline string's text without phonetic runs), appended to the values; the reader ends after &lt;/c&gt;.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadCellValue()
    {
        var hasValue = false;
        var capturing = false;
        var inline = false;
        var phonetic = 0;
        while (NextToken())
        {
            switch (_kind)
            {
                case Kind.Start when _name == Name.V && !inline:
                    hasValue = true;
                    capturing = !_selfClosing;
                    break;
                case Kind.Start when _name == Name.Is:
                    inline = true;
                    hasValue = true;
                    break;
                case Kind.Start when _name == Name.RPh && !_selfClosing:
                    phonetic++;
                    break;
                case Kind.End when _name == Name.RPh:
                    phonetic--;
                    break;
                case Kind.Start when _name == Name.T && inline && phonetic == 0:
                    capturing = !_selfClosing;
                    break;
                case Kind.End when _name is Name.V or Name.T:
                    capturing = false;
                    break;
                case Kind.End when _name == Name.C:
                    return hasValue;
                case Kind.Text when capturing:
                    AppendValue(_text.AsSpan(0, _textLength));
                    break;
            }
        }
        throw Broken();
    }

    private void AppendValue(ReadOnlySpan<byte> bytes)
    {
        if (_valuesLength - _valueStart + bytes.Length > _maxValueBytes)
        {
            throw _limits.CellTooLong(RowNumber);
        }
        if (_valuesLength + bytes.Length > _values.Length)
        {
            Array.Resize(ref _values, Math.Max(_values.Length * 2, _valuesLength + bytes.Length));
        }
        bytes.CopyTo(_values.AsSpan(_valuesLength));
        _valuesLength += bytes.Length;
    }

    /// <summary>The next tag or text; comments, processing instructions and the XML declaration are passed over.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NextToken()
    {
        while (true)
        {
            if (_position >= _end && !Fill())
            {
                _kind = Kind.None;
                return false;
            }
            if (_buffer[_position] != (byte)'<')
            {
                var length = TextEnd() - _position;
                Unescape(_buffer.AsSpan(_position, length));
                _position += length;
                _kind = Kind.Text;
                return true;
            }
            if (!Ensure(2))
            {
                throw Broken();
            }
            if (_buffer[_position + 1] == (byte)'!')
            {
                if (StartsWith("<!--"u8))
                {
                    Skip("-->"u8);
                    continue;
                }
                if (StartsWith("<![CDATA["u8))
                {
                    var close = FindSequence("]]>"u8, 9);
                    _textLength = 0;
                    AppendText(_buffer.AsSpan(_position + 9, close - _position - 9), normaliseLines: true);
                    _position = close + 3;
                    _kind = Kind.Text;
                    return true;
                }
                // <!DOCTYPE …>: entity declarations are refused, as a parser that prohibits DTDs refuses them.
                throw Broken();
            }
            if (_buffer[_position + 1] == (byte)'?')
            {
                Skip("?>"u8);
                continue;
            }
            ReadTag();
            return true;
        }
    }

    private void ReadTag()
    {
        var gt = FindTagEnd();
        var end = _buffer[_position + 1] == (byte)'/';
        var nameStart = _position + (end ? 2 : 1);
        var nameEnd = nameStart;
        while (nameEnd < gt && !IsSpace(_buffer[nameEnd]) && _buffer[nameEnd] != (byte)'/')
        {
            nameEnd++;
        }
        var name = _buffer.AsSpan(nameStart, nameEnd - nameStart);
        var colon = name.LastIndexOf((byte)':');
        _name = NameOf(colon >= 0 ? name[(colon + 1)..] : name);
        _kind = end ? Kind.End : Kind.Start;
        _selfClosing = !end && _buffer[gt - 1] == (byte)'/';
        _attributesStart = nameEnd;
        _attributesEnd = _selfClosing ? gt - 1 : gt;
        _position = gt + 1;
    }

    private static Name NameOf(ReadOnlySpan<byte> local) => local.Length switch
    {
        1 => local[0] switch
        {
            (byte)'c' => Name.C,
            (byte)'v' => Name.V,
            (byte)'t' => Name.T,
            _ => Name.Other,
        },
        2 when local.SequenceEqual("is"u8) => Name.Is,
        3 when local.SequenceEqual("row"u8) => Name.Row,
        3 when local.SequenceEqual("rPh"u8) => Name.RPh,
        _ => Name.Other,
    };

    /// <summary>
    /// The values of the current tag's unprefixed attributes r, t and s, raw (empty when absent): one pass over the
    /// attributes, whatever their order and quotes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Attributes(out ReadOnlySpan<byte> r, out ReadOnlySpan<byte> t, out ReadOnlySpan<byte> s)
    {
        r = t = s = default;
        var span = _buffer.AsSpan(_attributesStart, _attributesEnd - _attributesStart);
        var i = 0;
        while (true)
        {
            while (i < span.Length && IsSpace(span[i]))
            {
                i++;
            }
            if (i >= span.Length)
            {
                return;
            }
            var nameStart = i;
            while (i < span.Length && span[i] != (byte)'=' && !IsSpace(span[i]))
            {
                i++;
            }
            var name = span[nameStart..i];
            while (i < span.Length && span[i] != (byte)'"' && span[i] != (byte)'\'')
            {
                i++;
            }
            if (i >= span.Length)
            {
                throw Broken();
            }
            var quote = span[i++];
            var close = span[i..].IndexOf(quote);
            if (close < 0)
            {
                throw Broken();
            }
            var value = span.Slice(i, close);
            i += close + 1;
            if (name.Length == 1)
            {
                switch (name[0])
                {
                    case (byte)'r':
                        r = value;
                        break;
                    case (byte)'t':
                        t = value;
                        break;
                    case (byte)'s':
                        s = value;
                        break;
                }
            }
        }
    }

    /// <summary>Text between tags into the text buffer: entities resolved, line ends normalised.</summary>
    private void Unescape(ReadOnlySpan<byte> raw)
    {
        _textLength = 0;
        Span<byte> one = stackalloc byte[4];
        while (raw.Length > 0)
        {
            var amp = raw.IndexOf((byte)'&');
            if (amp < 0)
            {
                AppendText(raw, normaliseLines: true);
                return;
            }
            AppendText(raw[..amp], normaliseLines: true);
            var semicolon = raw[amp..].IndexOf((byte)';');
            if (semicolon < 0)
            {
                throw Broken();
            }
            var entity = raw.Slice(amp + 1, semicolon - 1);
            var written = entity switch
            {
                _ when entity.SequenceEqual("amp"u8) => Single(one, (byte)'&'),
                _ when entity.SequenceEqual("lt"u8) => Single(one, (byte)'<'),
                _ when entity.SequenceEqual("gt"u8) => Single(one, (byte)'>'),
                _ when entity.SequenceEqual("quot"u8) => Single(one, (byte)'"'),
                _ when entity.SequenceEqual("apos"u8) => Single(one, (byte)'\''),
                _ when entity.Length > 1 && entity[0] == (byte)'#' => CharacterReference(entity[1..], one),
                _ => throw Broken(),
            };
            AppendText(one[..written], normaliseLines: false);
            raw = raw[(amp + semicolon + 1)..];
        }
    }

    private static int Single(Span<byte> into, byte value)
    {
        into[0] = value;
        return 1;
    }

    private static int CharacterReference(ReadOnlySpan<byte> digits, Span<byte> into)
    {
        var hex = digits.Length > 1 && (digits[0] | 0x20) == (byte)'x';
        var code = 0;
        foreach (var b in hex ? digits[1..] : digits)
        {
            var digit = b is >= (byte)'0' and <= (byte)'9' ? b - '0'
                : hex && (b | 0x20) is >= (byte)'a' and <= (byte)'f' ? (b | 0x20) - 'a' + 10
                : throw Broken();
            code = (code * (hex ? 16 : 10)) + digit;
            if (code > 0x10FFFF)
            {
                throw Broken();
            }
        }
        if (!Rune.TryCreate(code, out var rune) || code == 0)
        {
            throw Broken();
        }
        return rune.EncodeToUtf8(into);
    }

    private void AppendText(ReadOnlySpan<byte> bytes, bool normaliseLines)
    {
        if (_textLength + bytes.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + bytes.Length));
        }
        if (!normaliseLines || bytes.IndexOf((byte)'\r') < 0)
        {
            bytes.CopyTo(_text.AsSpan(_textLength));
            _textLength += bytes.Length;
            return;
        }
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\r')
            {
                _text[_textLength++] = (byte)'\n';
                if (i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')
                {
                    i++;
                }
                continue;
            }
            _text[_textLength++] = bytes[i];
        }
    }

    /// <summary>The position of the current tag's '&gt;' (outside quoted attribute values), reading more of the part as needed.</summary>
    private int FindTagEnd()
    {
        var from = 1;
        while (true)
        {
            var quote = (byte)0;
            for (var i = _position + from; i < _end; i++)
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
                else if (b == (byte)'>')
                {
                    return i;
                }
                else if (b == (byte)'<')
                {
                    throw Broken();
                }
            }
            if (!More())
            {
                throw Broken();
            }
        }
    }

    /// <summary>
    /// Where the text at the current position ends: the next '&lt;', the end of the part, or, when the text fills the
    /// buffer, the last place in it that splits no entity reference and no CR LF pair (the rest is the next token's), so
    /// a gigabyte between two tags is read through one buffer instead of growing it.
    /// </summary>
    private int TextEnd()
    {
        var from = 0;
        while (true)
        {
            var found = _buffer.AsSpan(_position + from, _end - _position - from).IndexOf((byte)'<');
            if (found >= 0)
            {
                return _position + from + found;
            }
            if (_position == 0 && _end == _buffer.Length)
            {
                var text = _buffer.AsSpan(0, _end);
                var cut = text.Length;
                var amp = text.LastIndexOf((byte)'&');
                if (amp >= 0 && text[amp..].IndexOf((byte)';') < 0)
                {
                    cut = amp;
                }
                if (cut > 0 && text[cut - 1] == (byte)'\r')
                {
                    cut--;
                }
                return cut > 0 ? cut : throw Broken();
            }
            from = _end - _position;
            if (!More())
            {
                return _end;
            }
        }
    }

    private int FindSequence(ReadOnlySpan<byte> value, int from)
    {
        while (true)
        {
            var found = _buffer.AsSpan(_position + from, _end - _position - from).IndexOf(value);
            if (found >= 0)
            {
                return _position + from + found;
            }
            from = Math.Max(from, _end - _position - value.Length + 1);
            if (!More())
            {
                throw Broken();
            }
        }
    }

    private void Skip(ReadOnlySpan<byte> terminator) => _position = FindSequence(terminator, 2) + terminator.Length;

    private bool StartsWith(ReadOnlySpan<byte> value) => Ensure(value.Length) && _buffer.AsSpan(_position, value.Length).SequenceEqual(value);

    private bool Ensure(int count)
    {
        while (_end - _position < count)
        {
            if (!More())
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Reads more of the part, keeping what is unread at the start of the buffer (grown when a token fills it); false at the end.</summary>
    private bool More()
    {
        if (_eof)
        {
            return false;
        }
        if (_position > 0)
        {
            Buffer.BlockCopy(_buffer, _position, _buffer, 0, _end - _position);
            _end -= _position;
            _position = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxToken)
            {
                throw Broken();
            }
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, _maxToken));
        }
        return Fill();
    }

    private bool Fill()
    {
        if (_position >= _end)
        {
            _position = _end = 0;
        }
        var read = _eof ? 0 : _input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return false;
        }
        _end += read;
        return true;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>"AB12" → 27 (zero-based column).</summary>
    private static int ColumnIndex(ReadOnlySpan<byte> reference)
    {
        var column = 0;
        foreach (var b in reference)
        {
            if (b is < (byte)'A' or > (byte)'Z')
            {
                break;
            }
            column = (column * 26) + (b - 'A' + 1);
        }
        return column - 1;
    }

    private static bool TryParseInt(ReadOnlySpan<byte> digits, out int value) =>
        int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);

    private static InvalidDataException Broken() => new("The worksheet is not well-formed XML.");

    /// <summary>Bytes already read from a stream, then the rest of it.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _offset;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset < prefix.Length)
            {
                var n = Math.Min(count, prefix.Length - _offset);
                Array.Copy(prefix, _offset, buffer, offset, n);
                _offset += n;
                return n;
            }
            return rest.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
