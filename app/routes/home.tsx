export default function Home() {
  return <main className="page"><h1>stackbrief</h1></main>
}
