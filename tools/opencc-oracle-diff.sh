#!/usr/bin/env bash
# Compares ChineseConverter with the real OpenCC 1.4.2 on large texts, for all 16 configs.
#
#   tools/opencc-oracle-diff.sh [WORK_DIR]     (default /tmp/opencc-oracle)
#
# The oracle is OpenCC 1.4.2's own C++ source and prebuilt dictionaries from npm `opencc@1.4.2`, compiled here
# against Debian's libmarisa-dev and rapidjson-dev (the prebuilt Node addon needs a newer libstdc++ than Debian
# 12 has). Only the legacy .ocd (darts) loader is stubbed out: the configs use .ocd2 (marisa) dictionaries.
# Nothing of it is committed. Inputs: the benchmark corpus (tools/fetch-conversion-corpus.sh), every embedded
# dictionary file as text, and seeded random mixes of dictionary keys, values, punctuation, line breaks, emoji,
# compatibility ideographs and ideographic description sequences. Exits non-zero on any difference.
# Needs: npm, g++, apt-get (libmarisa-dev rapidjson-dev), python3, the .NET SDK.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/opencc-oracle}
mkdir -p "$work"
cd "$work"

if [ ! -x oracle ]; then
    dpkg -s libmarisa-dev rapidjson-dev >/dev/null 2>&1 || apt-get install -y -qq libmarisa-dev rapidjson-dev >/dev/null
    [ -d package ] || { npm pack opencc@1.4.2 >/dev/null 2>&1 && tar xzf opencc-1.4.2.tgz; }
    cat > DartsStub.cpp <<'CPP'
#include "DartsDict.hpp"
#include "Exception.hpp"
using namespace opencc;
class DartsDict::DartsInternal {};
DartsDict::DartsDict() : maxLength(0), internal(nullptr) {}
DartsDict::~DartsDict() {}
size_t DartsDict::KeyMaxLength() const { return 0; }
Optional<const DictEntry*> DartsDict::Match(const char*, size_t) const { throw Exception("no ocd"); }
Optional<const DictEntry*> DartsDict::MatchPrefix(const char*, size_t) const { throw Exception("no ocd"); }
LexiconPtr DartsDict::GetLexicon() const { throw Exception("no ocd"); }
PrefixMatchView DartsDict::MatchPrefixValue(const char*, size_t) const { throw Exception("no ocd"); }
void DartsDict::SerializeToFile(FILE*) const { throw Exception("no ocd"); }
DartsDictPtr DartsDict::NewFromDict(const Dict&) { throw Exception("no ocd"); }
DartsDictPtr DartsDict::NewFromFile(FILE*) { throw Exception("no ocd"); }
DartsDictPtr DartsDict::NewFromBuffer(const char*, size_t) { throw Exception("no ocd"); }
CPP
    cat > driver.cpp <<'CPP'
#include <iostream>
#include <fstream>
#include <iterator>
#include "Config.hpp"
#include "Converter.hpp"
// oracle CONFIG.json INPUT OUTPUT [INPUT OUTPUT ...]
int main(int argc, char** argv) {
  opencc::Config config;
  opencc::ConverterPtr converter = config.NewFromFile(argv[1]);
  for (int i = 2; i + 1 < argc; i += 2) {
    std::ifstream in(argv[i], std::ios::binary);
    std::string input((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string output = converter->Convert(input);
    std::ofstream(argv[i + 1], std::ios::binary).write(output.data(), output.size());
  }
  return 0;
}
CPP
    src=package/src
    g++ -O2 -std=c++17 -I"$src" -DOPENCC_VERSION='"1.4.2"' \
        $(ls "$src"/*.cpp | grep -v -E 'Test|DartsDict.cpp|py_opencc') DartsStub.cpp driver.cpp -lmarisa -o oracle
fi

mkdir -p in out-opencc out-ours
corpus="$repo/benchmarks/TextRepair.Benchmarks/corpus"
[ -f "$corpus/zh-cn.txt" ] || "$repo/tools/fetch-conversion-corpus.sh" >/dev/null
cp "$corpus/zh-cn.txt" "$corpus/zh-tw.txt" in/
python3 - "$repo/src/TextRepair/Data/OpenCC/dictionary" in <<'PY'
import os, random, sys
dictionaries, target = sys.argv[1], sys.argv[2]
keys, values, everything = [], [], []
for name in sorted(os.listdir(dictionaries)):
    text = open(os.path.join(dictionaries, name), encoding='utf-8').read()
    everything.append(text)
    for line in text.splitlines():
        key, _, rest = line.partition('\t')
        keys.append(key)
        values.extend(rest.split(' '))
open(os.path.join(target, 'dictionaries.txt'), 'w', encoding='utf-8').write(''.join(everything))
noise = list('，。、「」：；！？ \n\r\t0123456789abcXYZ-·〇') + ['\r\n', '\u2028', '\ufeff', '\U0001F600', '\u263A\uFE0F',
         '\uF900', '\uFA0C', '\U0002F800', '\u2FF0', '\u2FF2', '\u2FFE', '\u2FF1\u6C49\u5B57', '\u2FF0\u2FF1']
for seed in range(8):
    rng = random.Random(seed)
    parts = []
    for _ in range(60000):
        r = rng.random()
        if r < 0.35:
            k = rng.choice(keys)
            parts.append(k[:rng.randint(1, len(k))] if rng.random() < 0.3 else k)
        elif r < 0.7:
            parts.append(rng.choice(values))
        elif r < 0.9:
            parts.append(rng.choice(keys)[-1])
        else:
            parts.append(rng.choice(noise))
    open(os.path.join(target, 'random%d.txt' % seed), 'w', encoding='utf-8', newline='').write(''.join(parts))
PY

dotnet build -c Release "$repo/tools/ConvertFile" >/dev/null
convert="$repo/tools/ConvertFile/bin/Release/net10.0/ConvertFile"
status=0
for config in s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp t2tw tw2t t2hk hk2t t2jp jp2t; do
    args_opencc=() args_ours=()
    for f in in/*.txt; do
        base=$(basename "$f" .txt)
        args_opencc+=("$f" "out-opencc/$base.$config.txt")
        args_ours+=("$f" "out-ours/$base.$config.txt")
    done
    ./oracle "package/prebuilds/assets/$config.json" "${args_opencc[@]}"
    "$convert" "$config" "${args_ours[@]}"
    for f in in/*.txt; do
        base=$(basename "$f" .txt)
        if ! cmp -s "out-opencc/$base.$config.txt" "out-ours/$base.$config.txt"; then
            echo "DIFF $config $base: $(cmp "out-opencc/$base.$config.txt" "out-ours/$base.$config.txt" | head -1)"
            status=1
        fi
    done
    echo "$config: $(ls in/*.txt | wc -l) inputs, $(cat in/*.txt | wc -c) bytes compared"
done
[ "$status" -eq 0 ] && echo "all outputs identical to OpenCC 1.4.2"
exit "$status"
