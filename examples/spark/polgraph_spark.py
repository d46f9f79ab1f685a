#!/usr/bin/env python3
"""polgraph's per-document extraction as an Apache Spark stage.

    polgraph_spark.py ARTICLES.jsonl DOCS_DIR [--polgraph PATH] [--partitions N]
    polgraph build --from-docs DOCS_DIR -o output

Extraction needs no other document, so Spark runs it where the articles
are: each partition's lines (one article per line, JSONL with `id` and
`text` or any key polgraph reads) are piped through
`polgraph extract --format docs -`, which prints one docs line per article.
The docs lines are saved as DOCS_DIR/part-*; `polgraph build --from-docs`
then runs the corpus-wide naming pass and the graph build on them, on one
machine (it reads names and triples, not text). The graph is the one a
single `polgraph build ARTICLES.jsonl` makes, whatever the partitioning.

Local mode (what the project's test runs):

    python3 examples/spark/polgraph_spark.py articles.jsonl docs --polgraph target/release/polgraph

On a cluster, ship the binary with the job; every executor finds it in its
working directory:

    spark-submit --master yarn --files target/release/polgraph \\
        examples/spark/polgraph_spark.py hdfs:///news/articles.jsonl hdfs:///news/docs \\
        --polgraph ./polgraph
    hdfs dfs -get /news/docs docs && polgraph build --from-docs docs -o output

Needs PySpark (pip install pyspark) and a Java runtime.
"""
import argparse
import os

from pyspark.sql import SparkSession


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    p.add_argument("articles", help="JSONL, one article per line")
    p.add_argument("docs", help="directory to write the docs lines into (must not exist)")
    p.add_argument("--polgraph", default="polgraph", help="the polgraph binary, as every executor finds it")
    p.add_argument("--partitions", type=int, default=None, help="split the articles into this many partitions")
    p.add_argument("--master", default=None, help="Spark master when not run by spark-submit (default local[*])")
    args = p.parse_args()

    binary = args.polgraph
    # A path of this machine (local mode) is made absolute; a bare name
    # ("./polgraph" shipped with --files, "polgraph" on PATH) is left as is.
    if os.sep in binary and os.path.exists(binary):
        binary = os.path.abspath(binary)

    builder = SparkSession.builder.appName("polgraph-extract")
    # spark-submit starts the JVM first and says where (PYSPARK_GATEWAY_PORT);
    # its --master stands. Run by python3 alone, Spark runs in this process.
    if args.master:
        builder = builder.master(args.master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:
        builder = builder.master("local[*]")
    spark = builder.getOrCreate()
    try:
        sc = spark.sparkContext
        articles = sc.textFile(args.articles, minPartitions=args.partitions or sc.defaultParallelism)
        # checkCode: a partition polgraph fails on fails the job, with the
        # message polgraph printed in the executor's log.
        docs = articles.pipe(f"{binary} extract --format docs --quiet -", checkCode=True)
        docs.saveAsTextFile(args.docs)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
