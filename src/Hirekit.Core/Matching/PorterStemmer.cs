namespace Hirekit.Core.Matching;

/// <summary>
/// The Porter (1980) suffix-stripping stemmer for English: "caching", "cached" and "caches" all
/// become "cach". Input must be lower-case ASCII letters; anything else is returned unchanged.
/// </summary>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 2 || !word.All(char.IsAsciiLetterLower))
        {
            return word;
        }

        var w = new Word(word);
        Step1A(w);
        Step1B(w);
        Step1C(w);
        Step2(w);
        Step3(w);
        Step4(w);
        Step5(w);
        return w.ToString();
    }

    private static void Step1A(Word w)
    {
        if (w.EndsWith("sses"))
        {
            w.Cut(2);
        }
        else if (w.EndsWith("ies"))
        {
            w.Cut(2);
        }
        else if (!w.EndsWith("ss") && w.EndsWith("s"))
        {
            w.Cut(1);
        }
    }

    private static void Step1B(Word w)
    {
        if (w.EndsWith("eed"))
        {
            if (w.Measure(w.Length - 3) > 0)
            {
                w.Cut(1);
            }

            return;
        }

        var removed = w.EndsWith("ed") && w.HasVowel(w.Length - 2) ? "ed" : w.EndsWith("ing") && w.HasVowel(w.Length - 3) ? "ing" : (string?)null;
        if (removed is null)
        {
            return;
        }

        w.Cut(removed.Length);
        if (w.EndsWith("at") || w.EndsWith("bl") || w.EndsWith("iz"))
        {
            w.Append("e");
        }
        else if (w.EndsWithDoubleConsonant() && !(w.EndsWith("l") || w.EndsWith("s") || w.EndsWith("z")))
        {
            w.Cut(1);
        }
        else if (w.Measure(w.Length) == 1 && w.EndsWithCvc(w.Length))
        {
            w.Append("e");
        }
    }

    private static void Step1C(Word w)
    {
        if (w.EndsWith("y") && w.HasVowel(w.Length - 1))
        {
            w.Replace(1, "i");
        }
    }

    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("abli", "able"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    ];

    private static void Step2(Word w) => ReplaceWhenMeasured(w, Step2Rules, 0);

    private static void Step3(Word w) => ReplaceWhenMeasured(w, Step3Rules, 0);

    private static void ReplaceWhenMeasured(Word w, (string Suffix, string Replacement)[] rules, int minimumMeasure)
    {
        foreach (var (suffix, replacement) in rules)
        {
            if (w.EndsWith(suffix))
            {
                if (w.Measure(w.Length - suffix.Length) > minimumMeasure)
                {
                    w.Replace(suffix.Length, replacement);
                }

                return;
            }
        }
    }

    private static void Step4(Word w)
    {
        // The longest matching suffix decides; "ement" before "ment" before "ent".
        foreach (var suffix in Step4Suffixes.OrderByDescending(s => s.Length))
        {
            if (!w.EndsWith(suffix))
            {
                continue;
            }

            var stem = w.Length - suffix.Length;
            if (w.Measure(stem) > 1 && (suffix != "ion" || (stem > 0 && w[stem - 1] is 's' or 't')))
            {
                w.Cut(suffix.Length);
            }

            return;
        }
    }

    private static void Step5(Word w)
    {
        if (w.EndsWith("e"))
        {
            var m = w.Measure(w.Length - 1);
            if (m > 1 || (m == 1 && !w.EndsWithCvc(w.Length - 1)))
            {
                w.Cut(1);
            }
        }

        if (w.EndsWith("ll") && w.Measure(w.Length) > 1)
        {
            w.Cut(1);
        }
    }

    private sealed class Word(string text)
    {
        private readonly System.Text.StringBuilder _b = new(text);

        public int Length => _b.Length;

        public char this[int i] => _b[i];

        public bool EndsWith(string suffix)
        {
            if (suffix.Length > _b.Length)
            {
                return false;
            }

            for (var i = 0; i < suffix.Length; i++)
            {
                if (_b[_b.Length - suffix.Length + i] != suffix[i])
                {
                    return false;
                }
            }

            return true;
        }

        public void Cut(int n) => _b.Length -= n;

        public void Append(string s) => _b.Append(s);

        public void Replace(int n, string s)
        {
            Cut(n);
            Append(s);
        }

        /// <summary>A consonant in Porter's sense: not a vowel, and 'y' only after a vowel.</summary>
        public bool IsConsonant(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>m in [C](VC)^m[V] for the first <paramref name="end"/> letters.</summary>
        public int Measure(int end)
        {
            var m = 0;
            var i = 0;
            while (i < end && IsConsonant(i))
            {
                i++;
            }

            while (i < end)
            {
                while (i < end && !IsConsonant(i))
                {
                    i++;
                }

                if (i >= end)
                {
                    break;
                }

                m++;
                while (i < end && IsConsonant(i))
                {
                    i++;
                }
            }

            return m;
        }

        public bool HasVowel(int end)
        {
            for (var i = 0; i < end; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        public bool EndsWithDoubleConsonant() => _b.Length >= 2 && _b[^1] == _b[^2] && IsConsonant(_b.Length - 1);

        /// <summary>consonant-vowel-consonant ending at <paramref name="end"/>, the last not w, x or y.</summary>
        public bool EndsWithCvc(int end) =>
            end >= 3 && IsConsonant(end - 3) && !IsConsonant(end - 2) && IsConsonant(end - 1) && _b[end - 1] is not ('w' or 'x' or 'y');

        public override string ToString() => _b.ToString();
    }
}
