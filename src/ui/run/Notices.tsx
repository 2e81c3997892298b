import { usePlayground } from '../../state';

/** Messages about the page itself: a bad address, a backend that failed to start. */
export function Notices() {
  const notices = usePlayground((state) => state.notices);
  if (notices.length === 0) return null;
  return (
    <ul className="notices" role="alert">
      {notices.map((notice, i) => (
        <li key={i}>{notice}</li>
      ))}
    </ul>
  );
}
