// Hovers: which curated target (data/hover-targets.tsv) the token at the cursor ($0) matches,
// with which FAQ entries, or no hover at all. Every P1 and P2 target has a passing case.
#include "knowledge/hover.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "grammar/document.h"
#include "grammar/semantic_model.h"
#include "knowledge/embedded_files.h"
#include "knowledge/faq_index.h"
#include "knowledge/faq_lenses.h"
#include "knowledge/strings.h"
#include "tests/unit/installed_faq.h"

namespace pyfaq::knowledge {
namespace {

constexpr std::string_view kCursor = "$0";

const FaqIndex& faqs() {
  static const FaqIndex index = FaqIndex::titles_only();
  return index;
}

const HoverIndex& hovers() {
  static const HoverIndex index = HoverIndex::load_embedded(faqs());
  return index;
}

/// `doc.html#anchor`, the form hover-targets.tsv uses.
std::string anchor_of(const FaqEntry& entry) {
  return entry.doc + ".html#" + entry.anchor;
}

/// The hover at the $0 cursor of a Python snippet (the marker removed), with no findings.
std::optional<HoverInfo> hover(std::string_view marked) {
  const std::size_t at = marked.find(kCursor);
  EXPECT_NE(at, std::string_view::npos) << "fixture has no $0 cursor: " << marked;
  std::string text(marked.substr(0, at));
  text += marked.substr(at + kCursor.size());
  const grammar::Document document(std::move(text));
  const grammar::SemanticModel model = grammar::SemanticModel::build(document);
  return hover_at(document, model, {}, at, hovers(), faqs());
}

struct Case {
  const char* source;
  const char* target;             // the notation matched; null: no hover
  const char* primary = nullptr;  // when set, the first FAQ entry offered
};

/// Runs a case; empty when it passes, else what went wrong.
std::string check(const Case& c) {
  const auto info = hover(c.source);
  if (!c.target) return info ? "expected no hover, got " + info->target : "";
  if (!info) return std::string("expected ") + c.target + ", got no hover";
  if (info->target != c.target)
    return std::string("expected ") + c.target + ", got " + info->target;
  if (info->tip.empty()) return "no tip";
  if (info->faqs.empty()) return "no FAQ entry";
  if (c.primary && anchor_of(*info->faqs.front()) != c.primary) {
    return std::string("expected primary ") + c.primary + ", got " + anchor_of(*info->faqs.front());
  }
  return "";
}

constexpr const char* kThreads = "library.html#how-do-i-program-using-threads";
constexpr const char* kNoneRun = "library.html#none-of-my-threads-seem-to-run-why";

// One case at least per P1/P2 row of hover-targets.tsv, through the import forms users write.
const std::vector<Case> kTargets = {
    // Keywords and operators.
    {"def f():\n    x = 1\n    def g():\n        $0nonlocal x\n", "kw:nonlocal"},
    {"def f():\n    $0global count\n", "kw:global",
     "programming.html#what-are-the-rules-for-local-and-global-variables-in-python"},
    {"$0match command:\n    case 'go':\n        pass\n", "kw:match"},
    {"key = $0lambda item: item[1]\n", "kw:lambda"},
    {"if x $0is None:\n    pass\n", "op:is"},
    {"if x $0is not None:\n    pass\n", "op:is not"},
    {"if x is $0not None:\n    pass\n", "op:is not"},
    {"if (n $0:= len(a)) > 10:\n    pass\n", "op::="},
    // Syntax.
    {"def f(a, $0/, b):\n    pass\n", "syntax:posonly-slash"},
    {"def f(x, $0*args, **kwargs):\n    g(x, *args, **kwargs)\n", "syntax:star-params"},
    {"def f(x, *args, **$0kwargs):\n    pass\n", "syntax:star-params"},
    {"def f(*$0args: int):\n    pass\n", "syntax:star-params"},
    {"g = lambda *$0parts: parts\n", "syntax:star-params"},
    {"$0#!/usr/bin/env python3\nprint('hi')\n", "syntax:shebang",
     "library.html#how-do-i-make-a-python-script-executable-on-unix"},
    // Builtins, unshadowed.
    {"try:\n    f()\nexcept $0UnboundLocalError:\n    pass\n", "builtin:UnboundLocalError"},
    {"print($0id(x))\n", "builtin:id"},
    {"n = $0eval(text)\n", "builtin:eval"},
    {"m = $0__import__('a.b.c')\n", "builtin:__import__"},
    {"$0breakpoint()\n", "builtin:breakpoint"},
    {"print($0dir(x))\n", "builtin:dir"},
    {"s = $0hex(255)\n", "builtin:hex"},
    {"s = $0oct(8)\n", "builtin:oct"},
    {"f = $0getattr(obj, 'do_' + name)\n", "builtin:getattr"},
    {"try:\n    pass\nexcept $0UnicodeDecodeError:\n    pass\n", "builtin:UnicodeDecodeError"},
    {"try:\n    pass\nexcept $0UnicodeEncodeError:\n    pass\n", "builtin:UnicodeEncodeError"},
    {"for x in $0reversed(items):\n    pass\n", "builtin:reversed"},
    {"if $0isinstance(x, (int, float)):\n    pass\n", "builtin:isinstance"},
    {"if $0issubclass(C, B):\n    pass\n", "builtin:issubclass"},
    {"class B(A):\n    def f(self):\n        $0super().f()\n", "builtin:super"},
    {"for k in $0sorted(d):\n    pass\n", "builtin:sorted"},
    {"import builtins\nbuiltins.$0id(x)\n", "builtin:id"},
    // Method definitions, decorators, the module's name.
    {"class A:\n    def $0__del__(self):\n        pass\n", "def:__del__"},
    {"class A:\n    def $0__getattr__(self, name):\n        return getattr(self._f, name)\n",
     "def:__getattr__"},
    {"class A:\n    def $0__setattr__(self, name, value):\n        self.__dict__[name] = value\n",
     "def:__setattr__"},
    {"class A(int):\n    @staticmethod\n    def $0__new__(cls, v):\n        pass\n", "def:__new__"},
    {"class A:\n    @$0staticmethod\n    def f():\n        pass\n", "deco:staticmethod"},
    {"if $0__name__ == '__main__':\n    main()\n", "name:__name__"},
    {"def f():\n    print($0__name__)\n", "name:__name__"},
    // Modules: import statements, aliases, from-imports, chain prefixes.
    {"import $0pdb\n", "mod:pdb"},
    {"import $0copy\n", "mod:copy"},
    {"import $0profile\n", "mod:profile"},
    {"import cProfile as $0cp\n", "mod:cProfile"},
    {"from $0timeit import timeit\n", "mod:timeit"},
    {"import $0array\n", "mod:array"},
    {"import weakref\n$0weakref.ref(x)\n", "mod:weakref"},
    {"import $0py_compile\n", "mod:py_compile"},
    {"import $0compileall\n", "mod:compileall"},
    {"import $0gc\n", "mod:gc"},
    {"import $0abc\n", "mod:abc"},
    {"from collections import $0abc\n", "mod:collections.abc"},
    {"import collections.$0abc\n", "mod:collections.abc"},
    {"import $0decimal\n", "mod:decimal"},
    {"import fractions as $0fr\n", "mod:fractions"},
    {"import $0signal\n", "mod:signal"},
    {"import $0threading\n", "mod:threading"},
    {"import $0_thread\n", "mod:_thread"},
    {"import $0queue\n", "mod:queue"},
    {"import concurrent.$0futures\n", "mod:concurrent.futures"},
    {"import concurrent.futures\nconcurrent.$0futures.wait(fs)\n", "mod:concurrent.futures"},
    {"import concurrent.futures as $0cf\n", "mod:concurrent.futures"},
    {"import multiprocessing as $0mp\n", "mod:multiprocessing"},
    {"import $0struct\n", "mod:struct"},
    {"import $0pickle\n", "mod:pickle"},
    {"import $0shelve\n", "mod:shelve"},
    {"import $0smtplib\n", "mod:smtplib"},
    {"import $0random\n", "mod:random"},
    {"import $0atexit\n", "mod:atexit"},
    {"import $0sqlite3\n", "mod:sqlite3"},
    {"import $0dbm\n", "mod:dbm"},
    {"import $0curses\n", "mod:curses"},
    {"import $0termios\n", "mod:termios"},
    {"import $0tty\n", "mod:tty"},
    {"import $0msvcrt\n", "mod:msvcrt",
     "windows.html#how-do-i-check-for-a-keypress-without-blocking"},
    {"import $0unittest\n", "mod:unittest"},
    {"import $0doctest\n", "mod:doctest"},
    {"import $0serial\n", "mod:serial"},
    {"import tkinter as $0tk\n", "mod:tkinter"},
    {"import $0codeop\n", "mod:codeop"},
    // Module-wide targets.
    {"import pdb\npdb.$0set_trace()\n", "pdb.*"},
    {"import copy\ncopy.$0deepcopy(x)\n", "copy.*"},
    {"import cProfile\ncProfile.$0run('main()')\n", "cProfile.*"},
    {"from timeit import $0timeit\n", "timeit.*"},
    {"import weakref\nweakref.$0WeakSet()\n", "weakref.*"},
    {"import py_compile\npy_compile.$0compile('foo.py')\n", "py_compile.*"},
    {"import compileall\ncompileall.$0compile_dir('.')\n", "compileall.*"},
    {"import gc\ngc.$0collect()\n", "gc.*"},
    {"from abc import $0ABC\n", "abc.*"},
    {"import atexit\natexit.$0register(f)\n", "atexit.*",
     "library.html#is-there-an-equivalent-to-c-s-onexit-in-python"},
    {"import threading\nthreading.$0Event()\n", "threading.*", kThreads},
    {"import _thread\n_thread.$0start_new_thread(f, ())\n", "_thread.*"},
    {"import queue\nq = queue.$0Queue()\n", "queue.*"},
    {"import multiprocessing as mp\nmp.$0Pool(4)\n", "multiprocessing.*"},
    {"import struct\nstruct.$0pack('<i', 1)\n", "struct.*"},
    {"from pickle import $0dumps as d\n", "pickle.*"},
    {"import shelve\nshelve.$0open('db')\n", "shelve.*"},
    {"import smtplib\nsmtplib.$0SMTP('localhost')\n", "smtplib.*"},
    {"from random import choice as $0pick\n", "random.*"},
    {"import msvcrt\nmsvcrt.$0getch()\n", "msvcrt.*"},
    {"import codeop\ncodeop.$0compile_command(src)\n", "codeop.*"},
    // Listed members.
    {"import importlib\nimportlib.$0reload(m)\n", "importlib.reload"},
    {"from imp import $0reload\n", "imp.reload"},
    {"import functools as ft\n@ft.$0lru_cache(maxsize=None)\ndef f():\n    pass\n",
     "functools.lru_cache"},
    {"from functools import cache as memo\n@$0memo\ndef f():\n    pass\n", "functools.cache"},
    {"from functools import cached_property\nclass A:\n    @$0cached_property\n    def v(self):\n"
     "        return 1\n",
     "functools.cached_property"},
    {"import importlib\nimportlib.$0import_module('a.b.c')\n", "importlib.import_module"},
    {"import io\nbuf = io.$0StringIO()\n", "io.StringIO",
     "programming.html#how-do-i-modify-a-string-in-place"},
    {"from array import array\na = $0array('d')\n", "array.array"},
    {"from contextlib import closing\nwith $0closing(gen()):\n    pass\n", "contextlib.closing"},
    {"import math\nmath.$0isclose(a, b)\n", "math.isclose"},
    {"from decimal import $0Decimal\n", "decimal.Decimal"},
    {"import fractions\nfractions.$0Fraction(1, 3)\n", "fractions.Fraction"},
    {"import signal\nsignal.$0signal(signal.SIGINT, h)\n", "signal.signal"},
    {"import threading as th\nth.$0Thread(target=f)\n", "threading.Thread", kThreads},
    {"import concurrent.futures\nconcurrent.futures.$0ThreadPoolExecutor()\n",
     "concurrent.futures.ThreadPoolExecutor"},
    {"import threading\nlock = threading.$0Lock()\n", "threading.Lock",
     "library.html#what-kinds-of-global-value-mutation-are-thread-safe"},
    {"from threading import RLock as $0R\n", "threading.RLock"},
    {"import sys\nsys.$0setswitchinterval(0.001)\n", "sys.setswitchinterval"},
    {"import sys\nprint(sys.$0getswitchinterval())\n", "sys.getswitchinterval"},
    {"from concurrent.futures import $0ProcessPoolExecutor\n",
     "concurrent.futures.ProcessPoolExecutor",
     "library.html#can-t-we-get-rid-of-the-global-interpreter-lock"},
    {"import os as o\no.$0popen('ls')\n", "os.popen"},
    {"import os\nos.$0read(fd, 10)\n", "os.read"},
    {"import sys\nsys.stdout.$0close()\n", "sys.stdout.close"},
    {"import sys\nsys.stderr.$0close()\n", "sys.stderr.close"},
    {"from sys import stdin\nstdin.$0close()\n", "sys.stdin.close"},
    {"import urllib.request\nurllib.request.$0urlopen(url, data)\n", "urllib.request.urlopen"},
    {"from urllib.request import $0Request\n", "urllib.request.Request"},
    {"from urllib import parse\nparse.$0urlencode(fields)\n", "urllib.parse.urlencode"},
    {"import os\nos.$0remove(path)\n", "os.remove"},
    {"import os\nos.$0unlink(path)\n", "os.unlink"},
    {"import os\nos.$0rmdir(path)\n", "os.rmdir"},
    {"import os\nos.$0removedirs(path)\n", "os.removedirs"},
    {"import os\nos.$0rename(a, b)\n", "os.rename"},
    {"import os\nos.$0mkdir(path)\n", "os.mkdir"},
    {"from os import makedirs\n$0makedirs(path, exist_ok=True)\n", "os.makedirs"},
    {"import os\nos.$0ftruncate(fd, 0)\n", "os.ftruncate"},
    {"import shutil\nshutil.$0rmtree(path)\n", "shutil.rmtree"},
    {"import shutil\nshutil.$0copyfile(a, b)\n", "shutil.copyfile"},
    {"import shutil\nshutil.$0copy(a, b)\n", "shutil.copy"},
    {"import shutil\nshutil.$0copy2(a, b)\n", "shutil.copy2"},
    {"from shutil import copytree as ct\n$0ct(a, b)\n", "shutil.copytree"},
    {"import select\nselect.$0select(r, w, x)\n", "select.select"},
    {"import sys\nprint(sys.$0builtin_module_names)\n", "sys.builtin_module_names"},
    {"import sys\nprint(sys.$0version)\n", "sys.version"},
    {"import sys\nif sys.$0version_info >= (3, 11):\n    pass\n", "sys.version_info"},
    {"import sys\nprint(sys.$0hexversion)\n", "sys.hexversion"},
    {"import code\ncode.$0InteractiveConsole()\n", "code.InteractiveConsole"},
    {"from code import $0compile_command\n", "code.compile_command"},
    // Instances of known classes: a single binding, a with-target, or the call itself.
    {"import threading\nt = threading.Thread(target=f)\nt.$0start()\n",
     "inst:threading.Thread.start", kNoneRun},
    {"from threading import Thread\nt = Thread(target=f)\nt.start()\nt.$0join()\n",
     "inst:threading.Thread.join", kNoneRun},
    {"import threading\ndef main():\n    t = threading.Thread(target=f)\n    t.$0start()\n",
     "inst:threading.Thread.start"},
    {"import threading\nthreading.Thread(target=f).$0start()\n", "inst:threading.Thread.start"},
    {"import os\np = os.popen('ls')\nprint(p.$0read())\n", "inst:os.popen.read"},
    {"import os\nprint(os.popen('ls').$0read())\n", "inst:os.popen.read"},
    {"import smtplib\nwith smtplib.SMTP('localhost') as s:\n    s.$0sendmail(a, b, m)\n",
     "inst:smtplib.SMTP.*"},
    {"import socket\ns = socket.socket()\ns.$0connect_ex(addr)\n", "inst:socket.socket.connect_ex"},
    {"from socket import socket\nwith socket() as s:\n    s.$0setblocking(False)\n",
     "inst:socket.socket.setblocking"},
    // A method called on a str literal; standard streams as assignment targets.
    {"line = ', '.$0join(words)\n", "strlit-method:join"},
    {"import sys, io\nsys.$0stdout = io.StringIO()\n", "assign:sys.stdout"},
    {"import sys\nsys.stdout, sys.$0stderr = out, err\n", "assign:sys.stderr"},
};

// Never hover: shadowed names, names from other packages, strings, comments, keyword-argument
// names, unlisted members, and look-alikes of the notations above.
const std::vector<Case> kNever = {
    {"import signal\ndef shadow(signal):\n    signal.$0signal(1, h)\n", nullptr},
    {"import random\ndef f():\n    random = 3\n    return $0random\n", nullptr},
    {"import random\nrandom = random.Random()\n$0random.seed(1)\n", nullptr},
    {"id = 3\nprint($0id)\n", nullptr},
    {"def f(id):\n    return $0id\n", nullptr},
    {"__name__ = 'x'\nprint($0__name__)\n", nullptr},
    {"print(f.$0__name__)\n", nullptr},
    {"import threading\nthreading.Thread($0target=f)\n", nullptr},
    {"import sys\nprint('x', $0file=sys.stderr)\n", nullptr},
    {"import threading\nx = 'threading.$0Thread'\n", nullptr},
    {"import threading\n# threading.$0Thread\n", nullptr},
    {"import os\n#!/usr/bin/env $0python3\n", nullptr},
    {"import os.path\nos.path.$0join(a, b)\n", nullptr},
    {"import time\ntime.$0sleep(1)\n", nullptr},
    {"import sys\nsys.stdout.$0write('x')\n", nullptr},
    {"import sys\nsys.$0stdout.flush()\n", nullptr},
    {"import sys\nprint('x', file=sys.$0stderr)\n", nullptr},
    {"from numpy import random\nrandom.$0rand(3)\n", nullptr},
    {"from numpy import $0random\n", nullptr},
    {"import numpy.$0random\n", nullptr},
    {"from . import random\n$0random.random()\n", nullptr},
    {"from .threading import $0Thread\n", nullptr},
    {"from .$0threading import Thread\n", nullptr},
    {"from .threading import Thread\n$0Thread(target=f)\n", nullptr},
    {"from os import *\nprint($0id(x))\n", nullptr},
    {"import threading\nt = threading.Thread()\nt = None\nt.$0start()\n", nullptr},
    {"t = make()\nt.$0start()\n", nullptr},
    {"import threading\nt = u = threading.Thread()\nt.$0start()\n", nullptr},
    {"def $0__del__(self):\n    pass\n", nullptr},
    {"class A:\n    def f(self):\n        def $0__del__():\n            pass\n", nullptr},
    {"staticmethod = lambda f: f\nclass A:\n    @$0staticmethod\n    def f():\n        pass\n",
     nullptr},
    {"x = $0staticmethod(f)\n", nullptr},
    {"if x $0not in y:\n    pass\n", nullptr},
    {"a, *$0rest = items\n", nullptr},
    {"a, $0*rest = items\n", nullptr},
    {"f($0*args, **kwargs)\n", nullptr},
    {"g = lambda $0x: x\n", nullptr},
    {"def f(a, $0*, b):\n    pass\n", nullptr},
    {"s = b','.$0join(parts)\n", nullptr},
    {"s = sep.$0join(parts)\n", nullptr},
    {"import re\nre.$0match(p, s)\n", nullptr},
    {"match = 1\nprint($0match)\n", nullptr},
    {"import sys\nout = sys.$0stdout\n", nullptr},
    {"import sys\nsys.stdout.$0encoding = 'x'\n", nullptr},
    {"x = 1\n$0#!/usr/bin/env python3\n", nullptr},
};

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  std::string name = info.param.target ? info.param.target : "none";
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name + "_" + std::to_string(info.index);
}

class HoverTarget : public ::testing::TestWithParam<Case> {};

TEST_P(HoverTarget, Matches) {
  EXPECT_EQ(check(GetParam()), "") << GetParam().source;
}

INSTANTIATE_TEST_SUITE_P(Targets, HoverTarget, ::testing::ValuesIn(kTargets), case_name);
INSTANTIATE_TEST_SUITE_P(Never, HoverTarget, ::testing::ValuesIn(kNever), case_name);

struct Row {
  std::string target, priority;
  std::vector<std::string> anchors;
};

std::vector<Row> p1_p2_rows() {
  std::vector<Row> rows;
  const auto lines = split(embedded_file("data/hover-targets.tsv"), '\n');
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto fields = split(lines[i], '\t');
    if (fields.size() < 5 || (fields[2] != "P1" && fields[2] != "P2")) continue;
    Row row{std::string(fields[0]), std::string(fields[2]), {}};
    for (const auto anchor : split(fields[3], ',')) row.anchors.emplace_back(anchor);
    rows.push_back(std::move(row));
  }
  return rows;
}

TEST(HoverTargets, EveryP1AndP2TargetHasAPassingCase) {
  std::set<std::string> covered;
  for (const Case& c : kTargets) {
    if (check(c).empty()) covered.insert(c.target);
  }
  const auto rows = p1_p2_rows();
  EXPECT_EQ(rows.size(), 147u) << "hover-targets.tsv changed: update the count and the cases";
  for (const Row& row : rows) {
    EXPECT_TRUE(covered.contains(row.target)) << row.priority << " " << row.target;
  }
}

TEST(HoverTargets, EveryP1AndP2TargetShipsWithATipAndItsEntriesPrimaryFirst) {
  for (const Row& row : p1_p2_rows()) {
    const HoverIndex::Target* target = hovers().find(row.target);
    ASSERT_NE(target, nullptr) << row.target << ": no tip for its rules";
    EXPECT_FALSE(target->tip.empty()) << row.target;
    ASSERT_EQ(target->faqs.size(), std::min<std::size_t>(row.anchors.size(), 3)) << row.target;
    for (std::size_t i = 0; i < target->faqs.size(); ++i) {
      EXPECT_EQ(anchor_of(*target->faqs[i]), row.anchors[i]) << row.target;
    }
  }
}

TEST(HoverTargets, TipsAreShortAndOurOwn) {
  const auto lines = split(embedded_file("data/hover-tips.tsv"), '\n');
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto fields = split(lines[i], '\t');
    if (fields.size() < 2) continue;
    EXPECT_EQ(fields.size(), 2u) << fields[0];
    EXPECT_LE(fields[1].size(), 300u) << fields[0] << ": one or two sentences";
    EXPECT_TRUE(fields[1].ends_with('.')) << fields[0];
  }
}

/// The words of a text, lower case, without markup or punctuation.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words(1);
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      words.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

class HoverTipsOwnWords : public pyfaq::testing::InstalledFaqTest {};

// No tip repeats seven words in a row of any FAQ answer: tips are written, not pasted.
TEST_F(HoverTipsOwnWords, NoTipCopiesAnAnswer) {
  constexpr std::size_t kRun = 7;
  std::set<std::vector<std::string>> runs;
  for (const FaqEntry& entry : index_.entries()) {
    const auto words = words_of(entry.markdown);
    for (std::size_t i = 0; i + kRun <= words.size(); ++i) {
      runs.emplace(words.begin() + static_cast<std::ptrdiff_t>(i),
                   words.begin() + static_cast<std::ptrdiff_t>(i + kRun));
    }
  }
  ASSERT_GT(runs.size(), 1000u);
  const auto lines = split(embedded_file("data/hover-tips.tsv"), '\n');
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto fields = split(lines[i], '\t');
    if (fields.size() < 2) continue;
    const auto words = words_of(fields[1]);
    for (std::size_t w = 0; w + kRun <= words.size(); ++w) {
      const std::vector<std::string> run(words.begin() + static_cast<std::ptrdiff_t>(w),
                                         words.begin() + static_cast<std::ptrdiff_t>(w + kRun));
      EXPECT_FALSE(runs.contains(run))
          << fields[0] << " repeats the FAQ: " << ::testing::PrintToString(run);
    }
  }
}

// The two relevance cases of the catalog, stated as the entries they must not offer.
TEST(HoverRelevance, OsPathJoinNeverOffersTheRawStringsEntry) {
  const auto info = hover("import os\nos.path.$0join(r'C:\\dir', name)\n");
  for (const FaqEntry* entry : info ? info->faqs : std::vector<const FaqEntry*>{}) {
    EXPECT_EQ(anchor_of(*entry).find("raw-string"), std::string::npos) << anchor_of(*entry);
  }
  EXPECT_FALSE(info.has_value());
}

TEST(HoverRelevance, StderrAsPrintFileNeverOffersClosingStandardStreams) {
  for (const char* source : {"import sys\nprint('oops', file=sys.$0stderr)\n",
                             "import sys\nprint('oops', file=$0sys.stderr)\n"}) {
    const auto info = hover(source);
    for (const FaqEntry* entry : info ? info->faqs : std::vector<const FaqEntry*>{}) {
      EXPECT_NE(entry->anchor, "why-doesn-t-closing-sys-stdout-stdin-stderr-really-close-it")
          << source;
    }
    EXPECT_FALSE(info.has_value()) << source;
  }
}

TEST(ModuleLenses, OnePerImportedModuleTheFaqDiscusses) {
  const grammar::Document document(
      "import threading\n"
      "import os, json as j\n"
      "from signal import signal\n"
      "import threading.local_helpers\n"
      "from . import sibling\n"
      "import threading\n"
      "def f():\n"
      "    import queue\n");
  const std::vector<ModuleLens> lenses = module_lenses(document, hovers());
  std::vector<std::string> modules;
  for (const ModuleLens& lens : lenses) {
    modules.push_back(lens.module);
    EXPECT_FALSE(lens.faqs.empty());
    EXPECT_EQ(std::set<const FaqEntry*>(lens.faqs.begin(), lens.faqs.end()).size(),
              lens.faqs.size())
        << "distinct entries";
  }
  // json has no curated target; the second `import threading` and the import inside a def add
  // nothing; relative imports are left out.
  EXPECT_EQ(modules, (std::vector<std::string>{"threading", "os", "signal"}));
  EXPECT_EQ(lenses[0].start, 0u);
  EXPECT_EQ(lenses[1].start, document.text().find("import os"));
  EXPECT_EQ(lenses[0].faqs.size(), faqs_about_module(hovers(), "threading").size());
  EXPECT_TRUE(faqs_about_module(hovers(), "thread").empty());  // a prefix is not the module
}

}  // namespace
}  // namespace pyfaq::knowledge
