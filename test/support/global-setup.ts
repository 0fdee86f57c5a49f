export default function setup(): void {
  const target = process.env.TEST_DATABASE_URL
    ? `PostgreSQL (${new URL(process.env.TEST_DATABASE_URL).host})`
    : 'embedded PGlite';
  console.log(`Klantstem tests against ${target}`);
}
