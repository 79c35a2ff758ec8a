import glob, os, sys
from quizapp.generators import load_story
from quizapp.generators.reading.model import StoryModel
dirs = sorted(glob.glob('tests/stories/real/*/')) + ['seeds/beijing-denies-chinese-fighters/'] + sorted(d for d in glob.glob('tests/stories/*/') if 'real' not in d)
for d in dirs:
    m = StoryModel(load_story(d))
    print("=====", os.path.basename(d.rstrip('/')))
    for c in m.credits:
        print(f"  {c.article[:18]:18} {c.source[:22]:22} {c.printed[:24]!r:26} {c.how:12} {c.scope:9} ag={int(c.agency)} lede={int(c.lede)} | {(c.passage.text if c.passage else '-')[:90]!r}")
