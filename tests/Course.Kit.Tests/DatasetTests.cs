using Course.Kit.Data;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Tests;

public class DetectionCanvasTests
{
    /// <summary>Item k: a (3 + k) × (5 + k) block of brightness (k + 1) / 10 inside a 2-pixel black margin, label k.</summary>
    private sealed class Blocks : utils.data.Dataset
    {
        public override long Count => 5;

        public override Dictionary<string, Tensor> GetTensor(long index)
        {
            var image = zeros(1, 16, 16);
            image[0, TensorIndex.Slice(2, 2 + 3 + index), TensorIndex.Slice(2, 2 + 5 + index)] = full(1, (index + 1) / 10.0);
            return new() { ["data"] = image, ["label"] = tensor(index) };
        }
    }

    [Fact]
    public void Boxes_LieInsideTheCanvasAndFrameExactlyThePastedItems()
    {
        var canvases = new DetectionCanvases(new Blocks(), count: 20, size: 40, objectsPerCanvas: 3, seed: 1);
        for (long i = 0; i < canvases.Count; i++)
        {
            var item = canvases.GetTensor(i);
            Assert.Equal([1L, 40, 40], item["data"].shape);
            Assert.Equal([3L, 4], item["boxes"].shape);
            var canvas = item["data"][0];
            var covered = zeros(40, 40, dtype: ScalarType.Bool);
            var boxes = item["boxes"].data<float>().ToArray();
            var labels = item["labels"].data<long>().ToArray();
            for (int k = 0; k < 3; k++)
            {
                var (x0, y0, x1, y1) = ((long)boxes[4 * k], (long)boxes[4 * k + 1], (long)boxes[4 * k + 2], (long)boxes[4 * k + 3]);
                Assert.True(0 <= x0 && x1 <= 40 && 0 <= y0 && y1 <= 40, $"canvas {i} box {k} is ({x0}, {y0}, {x1}, {y1})");
                Assert.Equal((5 + labels[k], 3 + labels[k]), (x1 - x0, y1 - y0)); // tight: the block without its margin
                var inside = canvas[TensorIndex.Slice(y0, y1), TensorIndex.Slice(x0, x1)];
                Assert.True(inside.eq((labels[k] + 1) / 10f).all().item<bool>(), $"canvas {i} box {k} holds other pixels");
                covered[TensorIndex.Slice(y0, y1), TensorIndex.Slice(x0, x1)] = full(1, true, dtype: ScalarType.Bool);
            }
            Assert.Equal(0f, canvas.masked_fill(covered, 0).abs().sum().item<float>()); // nothing outside the boxes
        }
    }

    [Fact]
    public void SameSeedAndIndex_SameCanvas()
    {
        var a = new DetectionCanvases(new Blocks(), 5, size: 48, seed: 7).GetTensor(3);
        var b = new DetectionCanvases(new Blocks(), 5, size: 48, seed: 7).GetTensor(3);
        var c = new DetectionCanvases(new Blocks(), 5, size: 48, seed: 8).GetTensor(3);
        Assert.True(a["data"].equal(b["data"]) && a["boxes"].equal(b["boxes"]));
        Assert.False(a["boxes"].equal(c["boxes"]));
    }

    [Fact]
    public void TooSmallACanvas_SaysWhatToChange()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new DetectionCanvases(new Blocks(), 1, size: 12, objectsPerCanvas: 6).GetTensor(0));
        Assert.Contains("larger size or fewer objects", error.Message);
    }

    [Fact]
    public void FashionMnistCanvases_BatchThroughADataLoader()
    {
        var source = torchvision.datasets.FashionMNIST(torchvision.datasets.find_datasets_folder("fashion-mnist"), train: false);
        var loader = utils.data.DataLoader(new DetectionCanvases(source, count: 8, size: 96, objectsPerCanvas: 4), batchSize: 4);
        var batch = loader.First();
        Assert.Equal([4L, 1, 96, 96], batch["data"].shape);
        Assert.Equal([4L, 4, 4], batch["boxes"].shape);
        Assert.Equal([4L, 4], batch["labels"].shape);
        Assert.True(batch["labels"].max().item<long>() < 10);
    }
}

public class TextCorpusTests
{
    [Fact]
    public void PrideAndPrejudice_LoadsWithItsChecksumAndVocabulary()
    {
        var corpus = TextCorpus.Load();
        Assert.Equal(684_768, corpus.Text.Length);
        Assert.StartsWith("PRIDE AND PREJUDICE", corpus.Text);
        Assert.Equal(75, corpus.Vocabulary.Count);
        Assert.Equal('\n', corpus.Vocabulary[0]);
        Assert.Equal(corpus.Vocabulary.Order(), corpus.Vocabulary);
        Assert.Equal("It is a truth universally acknowledged", corpus.Decode(corpus.Encode("It is a truth universally acknowledged")));
    }

    [Fact]
    public void Sequences_TargetsAreTheInputsShiftedOneCharacter()
    {
        var corpus = new TextCorpus("hello world", "tiny");
        var (inputs, targets) = corpus.Sequences(length: 4, start: 1);
        Assert.Equal([2L, 4], inputs.shape);
        Assert.Equal(["ello", " wor"], new[] { corpus.Decode(inputs[0]), corpus.Decode(inputs[1]) });
        Assert.Equal(["llo ", "worl"], new[] { corpus.Decode(targets[0]), corpus.Decode(targets[1]) });
    }

    [Fact]
    public void ADamagedFile_IsRejectedWithBothChecksums()
    {
        using var dir = new External.TempDir();
        File.WriteAllText(dir.File("tiny.txt"), "edited");
        File.WriteAllText(dir.File("SHA256SUMS"), new string('0', 64) + "  tiny.txt\n");
        var error = Assert.Throws<InvalidDataException>(() => TextCorpus.Load("tiny", dir.Path));
        Assert.Contains("tiny.txt: SHA-256 is ", error.Message);
        Assert.Contains(new string('0', 64), error.Message);
    }

    [Fact]
    public void UnknownCharacters_AreNamed()
    {
        var error = Assert.Throws<ArgumentException>(() => new TextCorpus("abc").Encode("abz"));
        Assert.Contains("'z'", error.Message);
    }
}
