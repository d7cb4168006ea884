-- The Prefect server keeps its state in its own database on the same PostgreSQL server.
CREATE DATABASE prefect;
