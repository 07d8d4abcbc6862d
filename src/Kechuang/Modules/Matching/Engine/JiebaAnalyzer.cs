using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kechuang.Modules.Matching.Engine;

/// <summary>The Lucene analyzer of the matching index: <see cref="ChineseSegmenter"/> in search mode.</summary>
public sealed class JiebaAnalyzer(ChineseSegmenter segmenter) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new JiebaTokenizer(reader, segmenter));

    private sealed class JiebaTokenizer : Tokenizer
    {
        private readonly ChineseSegmenter _segmenter;
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private List<Piece>? _pieces;
        private int _next;
        private int _length;

        public JiebaTokenizer(TextReader input, ChineseSegmenter segmenter)
            : base(input)
        {
            _segmenter = segmenter;
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            if (_pieces is null)
            {
                var text = ChineseSegmenter.Normalize(m_input.ReadToEnd());
                _length = text.Length;
                _pieces = _segmenter.Cut(text, search: true);
                _next = 0;
            }
            if (_next >= _pieces.Count)
            {
                return false;
            }
            var piece = _pieces[_next++];
            _term.SetEmpty().Append(piece.Word);
            _offset.SetOffset(CorrectOffset(piece.Start), CorrectOffset(piece.End));
            return true;
        }

        public override void End()
        {
            base.End();
            var end = CorrectOffset(_length);
            _offset.SetOffset(end, end);
        }

        public override void Reset()
        {
            base.Reset();
            _pieces = null;
            _next = 0;
            _length = 0;
        }
    }
}
