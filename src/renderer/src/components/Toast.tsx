import { useToastStore } from '../stores/toastStore';

export function Toast() {
  const message = useToastStore((s) => s.message);
  return message ? (
    <div className="toast" role="status">
      {message}
    </div>
  ) : null;
}
