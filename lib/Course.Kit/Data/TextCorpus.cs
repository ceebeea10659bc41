using System.Security.Cryptography;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Data;

/// <summary>
/// A text for character-level language models: the text, its vocabulary (the distinct characters, sorted by
/// code point) and (input, target) sequences where the target is the input shifted one character ahead.
/// <code>
/// var corpus = TextCorpus.Load();                      // datasets/pride-and-prejudice, checksum verified
/// var (inputs, targets) = corpus.Sequences(length: 64);
/// string back = corpus.Decode(inputs[0]);
/// </code>
/// </summary>
public sealed class TextCorpus
{
    /// <summary>The name of the shipped corpus: Jane Austen's Pride and Prejudice (public domain, 685 KB).</summary>
    public const string PrideAndPrejudice = "pride-and-prejudice";

    private readonly Dictionary<char, int> indexOf;

    /// <summary>Builds the vocabulary of <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">For an empty text.</exception>
    public TextCorpus(string text, string name = "text")
    {
        if (string.IsNullOrEmpty(text)) throw new ArgumentException($"The corpus '{name}' is empty.", nameof(text));
        (Text, Name) = (text, name);
        Vocabulary = text.Distinct().Order().ToArray();
        indexOf = Vocabulary.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
    }

    /// <summary>The corpus name (for messages and titles).</summary>
    public string Name { get; }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>The distinct characters, sorted; a character's index here is its token id.</summary>
    public IReadOnlyList<char> Vocabulary { get; }

    /// <summary>
    /// Loads <c>&lt;name&gt;.txt</c> from <c>datasets/&lt;name&gt;/</c> (found by walking up from the working
    /// directory) after checking it against that folder's SHA256SUMS.
    /// </summary>
    /// <param name="name">The data set folder name.</param>
    /// <param name="folder">The folder holding the text and SHA256SUMS, when not the repository's datasets folder.</param>
    /// <exception cref="InvalidDataException">When the file's SHA-256 differs from SHA256SUMS (names file and both sums).</exception>
    public static TextCorpus Load(string name = PrideAndPrejudice, string? folder = null)
    {
        folder ??= torchvision.datasets.find_datasets_folder(name);
        string file = name + ".txt", path = Path.Combine(folder, file);
        var bytes = File.ReadAllBytes(path);
        string expected = ExpectedSha256(Path.Combine(folder, "SHA256SUMS"), file);
        string actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != expected)
            throw new InvalidDataException($"{path}: SHA-256 is {actual} but SHA256SUMS says {expected}; the file is damaged or was edited (line endings?).");
        return new TextCorpus(System.Text.Encoding.UTF8.GetString(bytes), name);
    }

    private static string ExpectedSha256(string sumsPath, string file) =>
        File.ReadLines(sumsPath).Select(line => line.Split(' ', 2, StringSplitOptions.TrimEntries))
            .FirstOrDefault(parts => parts.Length == 2 && parts[1].TrimStart('*') == file)?[0].ToLowerInvariant()
        ?? throw new InvalidDataException($"{sumsPath} has no line for {file}.");

    /// <summary>The token id of <paramref name="c"/>.</summary>
    /// <exception cref="ArgumentException">For a character outside the vocabulary.</exception>
    public int IndexOf(char c) => indexOf.TryGetValue(c, out int i) ? i
        : throw new ArgumentException($"'{c}' (U+{(int)c:X4}) is not in the vocabulary of {Name} ({Vocabulary.Count} characters).");

    /// <summary>The token ids of <paramref name="text"/> as an int64 tensor [length].</summary>
    public Tensor Encode(string text) => tensor(text.Select(c => (long)IndexOf(c)).ToArray());

    /// <summary>The text of a 1-D tensor of token ids.</summary>
    public string Decode(Tensor ids) => new(ids.to(ScalarType.Int64).data<long>().ToArray().Select(i => Vocabulary[(int)i]).ToArray());

    /// <summary>
    /// Training pairs for next-character prediction: consecutive windows of <paramref name="length"/> ids as
    /// inputs and the same windows shifted one character ahead as targets (target[i, t] = input[i, t + 1], the
    /// last target being the character after the window). Windows start every <paramref name="length"/>
    /// characters, from offset <paramref name="start"/> (vary it per epoch for fresh windows).
    /// </summary>
    /// <returns>Inputs and targets, both int64 [windows, length].</returns>
    public (Tensor Inputs, Tensor Targets) Sequences(int length, int start = 0)
    {
        long windows = (Text.Length - start - 1) / Math.Max(length, 1);
        if (length < 1 || start < 0 || windows < 1)
            throw new ArgumentOutOfRangeException(nameof(length), $"No window of {length} characters from offset {start} fits in {Name} ({Text.Length} characters).");
        var ids = Encode(Text.Substring(start, (int)(windows * length) + 1));
        return (ids.narrow(0, 0, windows * length).reshape(windows, length), ids.narrow(0, 1, windows * length).reshape(windows, length));
    }
}
